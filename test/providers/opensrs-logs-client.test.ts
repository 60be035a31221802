// OpenSrsClient.getUserChanges and getCompanyChanges against the simulator over loopback: parsing, the
// names refused before sending, error mapping, and walks of both logs by range.first/limit that yield
// every change exactly once, oldest first (docs/upstreams/opensrs.md §3.4, §3.5, §4).
import { UNMETERED } from '../../src/providers/budget.js';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, UpstreamError } from '../../src/errors.js';
import { HttpUpstream } from '../../src/providers/http.js';
import { OpenSrsClient, normaliseMailbox, type ChangesPage } from '../../src/providers/opensrs/client.js';
import { OpenSrsSimulator, SANDBOX_COMPANY } from '../../src/sandbox/opensrs/index.js';

const sim = new OpenSrsSimulator();
let upstream: HttpUpstream;
let client: OpenSrsClient;

beforeAll(async () => {
  const url = await sim.listen(0);
  upstream = new HttpUpstream('OPENSRS', url, { timeoutMs: 2000, retries: 0, breaker: { failureThreshold: 1000 } });
  client = new OpenSrsClient(upstream, { user: sim.credentials.user, password: sim.credentials.password }, { retryDelayMs: 5, budget: UNMETERED });
});

afterEach(() => sim.clearLog());

afterAll(async () => {
  await upstream.close();
  await sim.close();
});

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('getUserChanges', () => {
  it('reads a page of a mailbox’s log, the address lower-cased', async () => {
    const all = sim.store.userChanges('sales@acme.io');
    expect(await client.getUserChanges('Sales@ACME.io', { first: 10, limit: 5 })).toEqual({ totalCount: 118, changes: all.slice(10, 15) });
    expect(sim.log[0]).toMatchObject({ path: '/api/get_user_changes', mailbox: 'sales@acme.io', range: { first: 10, limit: 5 } });
  });

  it('answers null for a mailbox OpenSRS does not know, FORBIDDEN for another company’s', async () => {
    expect(await client.getUserChanges('ghost@example.com', { first: 0, limit: 5 })).toBeNull();
    const e = await failureOf(client.getUserChanges('ceo@other-company.com', { first: 0, limit: 5 }));
    expect(e).toBeInstanceOf(UpstreamError);
    expect(e).toMatchObject({ code: 'FORBIDDEN', provider: 'OPENSRS', message: 'OpenSRS denied access to this object (error 9)' });
  });

  it('retries a transient error once', async () => {
    sim.failNext({ errorNumber: 20 });
    expect((await client.getUserChanges('jane.doe@example.com', { first: 0, limit: 3 }))?.changes).toHaveLength(3);
    expect(sim.count({ mailbox: 'jane.doe@example.com' })).toBe(2);
  });

  it.each(['not-an-address', '@example.com', 'a..b@example.com', '.dot@example.com', 'x@nodot', `${'a'.repeat(65)}@example.com`])(
    'refuses %j before sending',
    async (address) => {
      const e = await failureOf(client.getUserChanges(address, { first: 0, limit: 5 }));
      expect(e).toBeInstanceOf(BadUserInputError);
      expect((e as Error).message).toContain(JSON.stringify(address.length > 80 ? `${address.slice(0, 77)}...` : address));
      expect(sim.log).toHaveLength(0);
    },
  );

  it('accepts the OMA address forms', () => {
    expect(normaliseMailbox('Jane_Doe-2.x@Mail.Example.NET')).toBe('jane_doe-2.x@mail.example.net');
  });
});

describe('getCompanyChanges', () => {
  it('reads the sandbox company’s log; FORBIDDEN for another company, null for an unknown one', async () => {
    const all = sim.store.companyChanges(SANDBOX_COMPANY);
    expect(await client.getCompanyChanges(SANDBOX_COMPANY, { first: 0, limit: 2 })).toEqual({ totalCount: all.length, changes: all.slice(0, 2) });
    expect(await failureOf(client.getCompanyChanges('other-company', { first: 0, limit: 2 }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await client.getCompanyChanges('nobody-inc', { first: 0, limit: 2 })).toBeNull();
  });

  it('refuses an empty or control-character name before sending', async () => {
    for (const name of ['', '   ', 'evil\ncompany'])
      expect(await failureOf(client.getCompanyChanges(name, { first: 0, limit: 2 }))).toBeInstanceOf(BadUserInputError);
    expect(sim.log).toHaveLength(0);
  });
});

describe('walking a log by range (sizes 1, 7, 100 and random)', { timeout: 60_000 }, () => {
  const walk = async (read: (range: { first: number; limit: number }) => Promise<ChangesPage | null>, size: number) => {
    const out: ChangesPage['changes'] = [];
    for (let first = 0; ; first += size) {
      const page = (await read({ first, limit: size }))!;
      out.push(...page.changes);
      if (page.changes.length < size) return out;
    }
  };
  const SIZES = fc.oneof(fc.constantFrom(1, 7, 100), fc.integer({ min: 1, max: 100 }));
  const RUNS = { numRuns: 4, examples: [[1], [7], [100]] as [number][] };

  it('a mailbox: every change once, oldest first', async () => {
    const expected = sim.store.userChanges('postmaster@big.example.org');
    await fc.assert(
      fc.asyncProperty(SIZES, async (size) => {
        expect(await walk((r) => client.getUserChanges('postmaster@big.example.org', r), size)).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('a company: every change once, oldest first', async () => {
    const expected = sim.store.companyChanges(SANDBOX_COMPANY);
    await fc.assert(
      fc.asyncProperty(SIZES, async (size) => {
        expect(await walk((r) => client.getCompanyChanges(SANDBOX_COMPANY, r), size)).toEqual(expected);
      }),
      RUNS,
    );
  });
});
