// get_user_changes and get_company_changes in the OpenSRS simulator over raw HTTP: the same range,
// count and total_count rules as get_domain_changes (docs/upstreams/opensrs.md §3.4, §3.5, §4), their
// errors, the seeded mailboxes and company, and changes landing at the end of a log.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OpenSrsSimulator, SANDBOX_COMPANY } from '../../src/sandbox/opensrs/index.js';

const sim = new OpenSrsSimulator();
let baseUrl: string;

async function post(method: string, body: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${baseUrl}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return res.json();
}
const creds = () => ({ user: sim.credentials.user, password: sim.credentials.password });
const userChanges = (user: unknown, range?: unknown) => post('get_user_changes', { credentials: creds(), user, ...(range === undefined ? {} : { range }) });
const companyChanges = (company: unknown, range?: unknown) =>
  post('get_company_changes', { credentials: creds(), company, ...(range === undefined ? {} : { range }) });
const wire = (list: Array<{ time: number }>) => list.map((c) => ({ ...c, time: String(c.time) }));

beforeAll(async () => {
  baseUrl = await sim.listen(0);
});
afterEach(() => sim.clearLog());
afterAll(() => sim.close());

describe('get_user_changes', () => {
  it('answers a mailbox’s log oldest first with count and total_count, as get_domain_changes does', async () => {
    const all = sim.store.userChanges('postmaster@big.example.org');
    expect(all).toHaveLength(261);
    expect(await userChanges('postmaster@big.example.org', { first: 100, limit: 100 })).toEqual({
      success: true,
      count: 100,
      total_count: 261,
      changes: wire(all.slice(100, 200)),
    });
    expect(await userChanges('postmaster@big.example.org', { first: 255, limit: 100 })).toMatchObject({ count: 6, total_count: 261 });
    expect(await userChanges('POSTMASTER@big.example.org', { first: 300, limit: 5 })).toEqual({ success: true, count: 0, total_count: 261, changes: [] });
    expect((await userChanges('info@mail.example.net')).count).toBe(25);
    const times = all.map((c) => c.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('logs changes by admins, by the mailbox’s owner and by the system', () => {
    const actors = new Set(sim.store.userChanges('sales@acme.io').map((c) => c.user));
    expect(actors).toContain('sales@acme.io');
    expect(actors).toContain('OpenSRS');
    expect(sim.store.userChanges('sales@acme.io')[0].msg).toBe('created user');
  });

  it('answers error 2 for an unknown mailbox, 9 for another company’s, 5 without a user, 1 for bad credentials', async () => {
    expect(await userChanges('ghost@example.com')).toMatchObject({ success: false, error_number: 2 });
    expect(await userChanges('ceo@other-company.com')).toMatchObject({ success: false, error_number: 9 });
    expect(await userChanges(undefined)).toMatchObject({ success: false, error_number: 5 });
    expect(await userChanges('sales@acme.io', { first: -1 })).toMatchObject({ success: false, error_number: 5 });
    expect(await post('get_user_changes', { credentials: { user: sim.credentials.user, password: 'x' }, user: 'sales@acme.io' })).toMatchObject({
      error_number: 1,
    });
  });

  it('logs the mailbox asked for, never the password', async () => {
    await userChanges('sales@acme.io', { first: 0, limit: 1 });
    expect(sim.log[0]).toMatchObject({ mailbox: 'sales@acme.io', user: sim.credentials.user });
    expect(JSON.stringify(sim.log)).not.toContain(sim.credentials.password);
    expect(sim.count({ mailbox: 'SALES@acme.io' })).toBe(1);
  });
});

describe('get_company_changes', () => {
  it('answers the sandbox admin’s own company', async () => {
    const all = sim.store.companyChanges(SANDBOX_COMPANY);
    expect(await companyChanges(SANDBOX_COMPANY, { first: 0, limit: 7 })).toEqual({
      success: true,
      count: 7,
      total_count: all.length,
      changes: wire(all.slice(0, 7)),
    });
    expect(all[0].msg).toBe('created company');
  });

  it('answers error 9 for another company and 2 for an unknown one', async () => {
    expect(await companyChanges('other-company')).toMatchObject({ success: false, error_number: 9 });
    expect(await companyChanges('no-such-company')).toMatchObject({ success: false, error_number: 2 });
    expect(await companyChanges('')).toMatchObject({ success: false, error_number: 5 });
  });

  it('answers with an injected fault like the domain log', async () => {
    sim.failNext({ errorNumber: 22 });
    expect(await companyChanges(SANDBOX_COMPANY)).toMatchObject({ success: false, error_number: 22 });
    expect((await companyChanges(SANDBOX_COMPANY)).success).toBe(true);
  });
});

describe('seeded logs', () => {
  it('are deterministic per seed, with fixed lengths', () => {
    const again = new OpenSrsSimulator();
    const other = new OpenSrsSimulator({ seed: 8 });
    for (const m of sim.store.mailboxes()) expect(again.store.userChanges(m)).toEqual(sim.store.userChanges(m));
    expect(other.store.userChanges('sales@acme.io')).not.toEqual(sim.store.userChanges('sales@acme.io'));
    expect(other.store.userChanges('sales@acme.io')).toHaveLength(118);
    expect(sim.store.companyChanges(SANDBOX_COMPANY)).toHaveLength(153);
  });
});

describe('a change landing at the end of a log', () => {
  it('keeps every earlier index and raises total_count', async () => {
    const s = new OpenSrsSimulator();
    const url = await s.listen(0);
    try {
      const ask = (range: object) =>
        fetch(`${url}/api/get_user_changes`, {
          method: 'POST',
          body: JSON.stringify({ credentials: { user: s.credentials.user, password: s.credentials.password }, user: 'jane.doe@example.com', range }),
        }).then((r) => r.json());
      const before = await ask({ first: 0, limit: 100 });
      s.store.appendUserChange('jane.doe@example.com', { msg: 'changed password' });
      s.store.appendCompanyChange(SANDBOX_COMPANY, { msg: 'changed max_domains [1000]' });
      const after = await ask({ first: 0, limit: 100 });
      expect(after.total_count).toBe(before.total_count + 1);
      expect(after.changes.slice(0, before.count)).toEqual(before.changes);
      expect(after.changes.at(-1)).toMatchObject({ msg: 'changed password' });
      expect(s.store.companyChanges(SANDBOX_COMPANY).at(-1)?.msg).toBe('changed max_domains [1000]');
    } finally {
      await s.close();
    }
  });
});
