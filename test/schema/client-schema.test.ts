// The client schema (schema.client.graphql, `npm run schema:client`) and what introspection
// shows: the subgraph schema without Federation's machinery, with our own scalar descriptions.
// A relay-compiler user hit a Rust panic on `extend schema @link(...)`, and GraphiQL's docs
// listed `_entities`, `_service`, `_Any` and `link__*` and graphql-scalars' descriptions.
import { readFileSync } from 'node:fs';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './sdl.js';
import { clientSchemaSDL } from '../../src/schema/client-sdl.js';
import { startStack, type Stack } from '../helpers/stack.js';

const FILE = new URL('../../schema.client.graphql', import.meta.url);
const FEDERATION = /extend schema|@link|@key|@shareable|\b_entities\b|\b_service\b|\b_Any\b|\b_Entity\b|\b_Service\b|link__|federation__|FieldSet/;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

/** The SDL without the generated header's comment lines. */
const withoutComments = (sdl: string) => sdl.replace(/^#.*\n/gm, '').trim();

describe('schema.client.graphql', () => {
  it('is current: `npm run schema:client` writes exactly the committed file', () => {
    expect(readFileSync(FILE, 'utf8'), 'schema.client.graphql is stale: run `npm run schema:client` and commit it').toBe(clientSchemaSDL());
  });

  it('holds no federation machinery, and every type and directive a client uses', () => {
    const sdl = withoutComments(readFileSync(FILE, 'utf8'));
    expect(sdl).not.toMatch(FEDERATION);
    const schema = graphql.buildSchema(sdl);
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual([
      'node',
      'batchChanges',
      'batchChange',
      'deletedZones',
      'mailUser',
      'company',
      'group',
      'user',
      'zone',
      'zones',
      'recordSet',
      'recordSetChangeHistory',
      'failedZoneChanges',
      'changes',
      'domain',
    ]);
    expect(
      schema
        .getDirectives()
        .map((d) => d.name)
        .sort(),
    ).toEqual(['defer', 'deprecated', 'include', 'oneOf', 'skip', 'specifiedBy', 'stream']);
  });

  it('describes every scalar in our own words', () => {
    const schema = graphql.buildSchema(withoutComments(readFileSync(FILE, 'utf8')));
    const custom = Object.values(schema.getTypeMap()).filter((t) => graphql.isScalarType(t) && !graphql.isSpecifiedScalarType(t));
    expect(custom.map((t) => t.name).sort()).toEqual(['DateTime', 'SafeInt']);
    expect(schema.getType('DateTime')!.description).toMatch(/^A date and time in UTC, ISO-8601, second precision/);
    expect(schema.getType('SafeInt')!.description).toMatch(/^An integer between -\(2\^53 - 1\) and 2\^53 - 1/);
    // graphql-scalars' own words are gone.
    expect(readFileSync(FILE, 'utf8')).not.toMatch(/RFC 3339 profile|considered safe as defined by the ECMAScript/);
  });
});

describe('introspection over HTTP (what GraphiQL shows)', () => {
  it('is the client schema: no federation internals, our scalar descriptions', async () => {
    const res = await stack.gql(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true }));
    expect(res.errors).toBeUndefined();
    const served = graphql.printSchema(graphql.buildClientSchema(res.data));
    expect(served).not.toMatch(FEDERATION);
    expect(served).toBe(graphql.printSchema(graphql.buildSchema(withoutComments(readFileSync(FILE, 'utf8')))));
  });

  it('answers __type for federation internals with null', async () => {
    const res = await stack.gql(
      '{ any: __type(name: "_Any") { name } link: __type(name: "link__Import") { name } dt: __type(name: "DateTime") { description } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ any: null, link: null, dt: { description: expect.stringMatching(/^A date and time in UTC/) } });
  });

  it('still serves the router: _service { sdl } and _entities', async () => {
    const zone = stack.sandbox.vinyldns.store.zones().find((z) => z.name === 'example.com.')!;
    const res = await stack.gql(
      `
      query ($reps: [_Any!]!) {
        _service { sdl }
        _entities(representations: $reps) { ... on Zone { name } }
      }`,
      { reps: [{ __typename: 'Zone', zoneId: zone.id }] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data._service.sdl).toMatch(/@link\(url: "https:\/\/specs.apollo.dev\/federation\/v2/);
    expect(res.data._entities).toEqual([{ name: 'example.com.' }]);
  });
});
