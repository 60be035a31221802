// The gateway's own access checks, without HTTP: Zone.failedRecordSetChanges reads the zone as the
// caller before the (unchecked) failure list. (Query.failedZoneChanges keeps only the failures the
// caller may see: test/sources/failed-zone-changes.test.ts.)
import DataLoader from 'dataloader';
import { describe, expect, it, vi } from 'vitest';
import { canReadZone } from '../../src/schema/zone-access.js';
import type { GraphQLContext } from '../../src/context.js';
import { GatewayError, UpstreamError } from '../../src/errors.js';
import { CursorCodec } from '../../src/pagination/cursor.js';
import type { WireZone } from '../../src/providers/vinyldns/wire.js';
import { Zone } from '../../src/schema/resolvers/zone.js';

const zone = { id: 'z1', name: 'secret.example.' } as WireZone;

function fakeContext(load: (id: string) => Promise<WireZone | null>) {
  const listFailedRecordSetChanges = vi.fn(async () => ({ failedRecordSetChanges: [], nextId: 0, startFrom: 0, maxItems: 26 }));
  const ctx = {
    cursors: new CursorCodec('test'),
    zones: new DataLoader<string, WireZone | null>(async (ids) => Promise.all(ids.map((id) => load(id).catch((e: Error) => e)))),
    vinyldns: () => ({ listFailedRecordSetChanges }),
  } as unknown as GraphQLContext;
  return { ctx, listFailedRecordSetChanges };
}

const failedRecordSetChanges = (parent: object, ctx: GraphQLContext) =>
  (Zone.failedRecordSetChanges as (p: object, a: object, c: GraphQLContext, i: unknown) => Promise<unknown>)(parent, {}, ctx, {});

describe('Zone.failedRecordSetChanges', () => {
  // A Zone from a snapshot inside a change: the zone as it was, which proves nothing about access now.
  const snapshot = { __typename: 'Zone', zone, snapshot: { changeId: 'c1', time: 1 } };

  it('refuses before reading the failure list when VinylDNS denies the caller the zone', async () => {
    const { ctx, listFailedRecordSetChanges } = fakeContext(async () => {
      throw new UpstreamError('FORBIDDEN', 'VinylDNS denied access to this resource', 'VINYLDNS', 403);
    });
    await expect(failedRecordSetChanges(snapshot, ctx)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(listFailedRecordSetChanges).not.toHaveBeenCalled();
  });

  it('is NOT_FOUND for a zone that no longer exists', async () => {
    const { ctx, listFailedRecordSetChanges } = fakeContext(async () => null);
    await expect(failedRecordSetChanges(snapshot, ctx)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(listFailedRecordSetChanges).not.toHaveBeenCalled();
  });

  it('reads the list once the caller could read the zone, and reuses a zone already loaded', async () => {
    const load = vi.fn(async () => zone);
    const { ctx, listFailedRecordSetChanges } = fakeContext(load);
    ctx.zones.prime('z1', zone);
    await failedRecordSetChanges(snapshot, ctx);
    expect(listFailedRecordSetChanges).toHaveBeenCalledTimes(1);
    expect(load).not.toHaveBeenCalled();
  });
});

describe('canReadZone', () => {
  it('is false when VinylDNS refuses or the zone is gone, and fails on anything else', async () => {
    const forbidden = fakeContext(async () => {
      throw new UpstreamError('FORBIDDEN', 'no', 'VINYLDNS', 403);
    });
    expect(await canReadZone(forbidden.ctx, 'z1')).toBe(false);
    expect(await canReadZone(fakeContext(async () => null).ctx, 'z1')).toBe(false);
    expect(await canReadZone(fakeContext(async () => zone).ctx, 'z1')).toBe(true);
    const down = fakeContext(async () => {
      throw new UpstreamError('UPSTREAM_UNAVAILABLE', 'down', 'VINYLDNS', 503);
    });
    await expect(canReadZone(down.ctx, 'z1')).rejects.toBeInstanceOf(GatewayError);
  });
});
