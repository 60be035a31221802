// Mailbox and company change logs through GraphQL, paged like `Domain.changes`: every entry once,
// in either order, at any page size, also while entries are appended; totalCount; node(id:).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '../../src/model/ids.js';
import { SANDBOX_COMPANY } from '../../src/sandbox/opensrs/store.js';
import { connectionQuery, walk, type ConnectionUnderTest } from '../helpers/connections.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const osrs = () => stack.sandbox.opensrs.store;
/** The shortest log with more than 7 entries: long enough for several pages, short enough to walk one by one. */
const shortestPaged = (names: string[], size: (n: string) => number) => {
  const found = [...names].filter((n) => size(n) > 7).sort((a, b) => size(a) - size(b))[0];
  if (!found) throw new Error('the sandbox has no log of more than 7 entries');
  return found;
};

interface LogCase {
  kind: 'MailUser' | 'Company';
  name: () => string;
  size: (name: string) => number;
  append: (name: string) => void;
  root: (name: string) => string;
}

const cases: LogCase[] = [
  {
    kind: 'MailUser',
    name: () =>
      shortestPaged(
        osrs()
          .mailboxes()
          .filter((m) => osrs().company(m.slice(m.lastIndexOf('@') + 1)) === SANDBOX_COMPANY),
        (n) => osrs().userChanges(n).length,
      ),
    size: (n) => osrs().userChanges(n).length,
    append: (n) => osrs().appendUserChange(n, { msg: 'changed quota [drift]' }),
    root: (n) => `mailUser(address: "${n}") { %FIELD% }`,
  },
  {
    kind: 'Company',
    // The gateway's account reads the logs of companies its own company owns; the seeded one is
    // long (hundreds of entries), so each walk gets a fresh one of 30.
    name: () => {
      const name = `walk-co-${Math.random().toString(36).slice(2, 8)}`;
      osrs().addCompany(name, SANDBOX_COMPANY);
      for (let k = 0; k < 30; k++) osrs().appendCompanyChange(name, { msg: `changed brand [${k}]`, time: 1_700_000_000 + k });
      return name;
    },
    size: (n) => osrs().companyChanges(n).length,
    append: (n) => osrs().appendCompanyChange(n, { msg: 'changed brand [drift]' }),
    root: (n) => `company(name: "${n}") { %FIELD% }`,
  },
];

describe.each(cases)('$kind.changes', (c) => {
  const conn = (name: string, order: string): ConnectionUnderTest => ({
    name: `${c.kind}.changes`,
    query: connectionQuery(c.root(name), 'changes', 'id', true, `, order: ${order}`),
    path: [c.kind === 'MailUser' ? 'mailUser' : 'company', 'changes'],
    idField: 'id',
    bidirectional: true,
  });
  const ids = (name: string, positions: number[]) => positions.map((position) => encodeId({ type: `${c.kind}Change`, name, position } as never));

  it.each([1, 7, 100])('walks every entry once in both orders, %i per page, while entries are appended', { timeout: 60_000 }, async (size) => {
    const name = c.name();
    const total = c.size(name);
    expect(total).toBeGreaterThan(7);
    const positions = Array.from({ length: total }, (_, k) => k);
    // A few entries land during each walk (one per page would keep an oldest-first walk of 1 going forever).
    const drift = (pageNo: number) => (pageNo < 3 ? c.append(name) : undefined);
    const newest = await walk(stack, conn(name, 'NEWEST_FIRST'), size, drift);
    // Entries appended during a newest-first walk are newer than its first page: not part of it.
    expect(newest.ids).toEqual(ids(name, [...positions].reverse()));
    const totalNow = c.size(name);
    const oldest = await walk(stack, conn(name, 'OLDEST_FIRST'), size, drift);
    // An oldest-first walk reaches the entries appended while it ran.
    expect(oldest.ids.slice(0, totalNow)).toEqual(
      ids(
        name,
        Array.from({ length: totalNow }, (_, k) => k),
      ),
    );
    expect(new Set(oldest.ids).size).toBe(oldest.ids.length);
  });

  it('counts the log, and reads an entry and its owner again by global id', async () => {
    const name = c.name();
    const field = c.kind === 'MailUser' ? 'mailUser' : 'company';
    const owner = c.kind === 'MailUser' ? 'mailUser { id }' : 'company { id }';
    const res = await stack.gql(`{ ${c.root(name).replace('%FIELD%', `id changes(first: 2) { totalCount nodes { id actor summary occurredAt ${owner} } }`)} }`);
    expect(res.errors).toBeUndefined();
    expect(res.data[field].changes.totalCount).toBe(c.size(name));
    const [entry] = res.data[field].changes.nodes;
    expect(Object.values(entry).at(-1)).toEqual({ id: res.data[field].id });
    const node = await stack.gql(`query($id: ID!) { node(id: $id) { __typename ... on Change { summary } } }`, { id: entry.id });
    expect(node.data.node).toEqual({ __typename: `${c.kind}Change`, summary: entry.summary });
    const ownerNode = await stack.gql(`query($id: ID!) { node(id: $id) { __typename } }`, { id: res.data[field].id });
    expect(ownerNode.data.node).toEqual({ __typename: c.kind });
  });
});

describe('unknown owners', () => {
  it('answers null for a mailbox or company OpenSRS does not know', async () => {
    const res = await stack.gql(`{ mailUser(address: "nobody@nowhere.example") { id } company(name: "No Such Company Ltd") { id } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ mailUser: null, company: null });
  });

  it('refuses a malformed address', async () => {
    const res = await stack.gql(`{ mailUser(address: "not-an-address") { id } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
