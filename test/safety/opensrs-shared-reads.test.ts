// Identical OpenSRS reads are shared (issue 11: 10,000 `_entities` Domain representations made
// 10,000 OpenSRS calls): within a request, and between concurrent requests of the same identity,
// never across identities. A shared read costs the budget of the request that sent it only, and a
// request whose budget is spent never hands its refusal to another. Counted by the simulator's log.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UNMETERED, UpstreamBudget } from '../../src/providers/budget.js';
import { HttpUpstream } from '../../src/providers/http.js';
import { OpenSrsClient, type OpenSrsCredentials } from '../../src/providers/opensrs/client.js';
import { OpenSrsSharedReads } from '../../src/providers/opensrs/shared-reads.js';
import { OpenSrsSimulator } from '../../src/sandbox/opensrs/index.js';

const sim = new OpenSrsSimulator();
let upstream: HttpUpstream;
let password: OpenSrsCredentials;
let token: OpenSrsCredentials;

beforeAll(async () => {
  const url = await sim.listen(0);
  upstream = new HttpUpstream('OPENSRS', url, { timeoutMs: 5000, retries: 0 });
  password = { user: sim.credentials.user, password: sim.credentials.password };
  token = { user: sim.credentials.user, token: sim.credentials.token };
});
beforeEach(() => sim.clearLog());
afterAll(async () => {
  await upstream.close();
  await sim.close();
});

const RANGE = { first: 0, limit: 10 };

describe('OpenSRS reads', () => {
  it('are shared within one request: identical reads in flight make one call', async () => {
    const client = new OpenSrsClient(upstream, password, { budget: UNMETERED });
    const pages = await Promise.all(Array.from({ length: 5 }, () => client.getDomainChanges('acme.io', RANGE)));
    expect(sim.log).toHaveLength(1);
    expect(new Set(pages.map((p) => JSON.stringify(p))).size).toBe(1);
    await client.getDomainChanges('acme.io', { first: 10, limit: 10 });
    expect(sim.log).toHaveLength(2); // another range is another read
  });

  it('are shared between concurrent requests of the same identity, never with another identity', async () => {
    const shared = new OpenSrsSharedReads();
    const request = (credentials: OpenSrsCredentials) =>
      new OpenSrsClient(upstream, credentials, { budget: new UpstreamBudget(5), inFlight: shared.for(credentials) });
    await Promise.all([request(password).getDomainChanges('acme.io', RANGE), request({ ...password }).getDomainChanges('acme.io', RANGE)]);
    expect(sim.log).toHaveLength(1);
    sim.clearLog();
    // Same user, another secret: another identity.
    await Promise.all([request(password).getDomainChanges('acme.io', RANGE), request(token).getDomainChanges('acme.io', RANGE)]);
    expect(sim.log).toHaveLength(2);
  });

  it('cost only the request that sends them; a spent budget is refused before it is shared', async () => {
    const shared = new OpenSrsSharedReads();
    const spent = new OpenSrsClient(upstream, password, { budget: new UpstreamBudget(0), inFlight: shared.for(password) });
    const fresh = new OpenSrsClient(upstream, password, { budget: new UpstreamBudget(1), inFlight: shared.for(password) });
    const [refused, served] = await Promise.allSettled([spent.getDomainChanges('acme.io', RANGE), fresh.getDomainChanges('acme.io', RANGE)]);
    expect(refused.status).toBe('rejected');
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: 'UPSTREAM_BUDGET_EXCEEDED', provider: 'OPENSRS' });
    expect(served.status).toBe('fulfilled');
    expect(sim.log).toHaveLength(1);

    // Joining a read in flight costs nothing: only the request that sent it pays.
    sim.clearLog();
    const ownerBudget = new UpstreamBudget(1);
    const joinerBudget = new UpstreamBudget(1);
    const owner = new OpenSrsClient(upstream, password, { budget: ownerBudget, inFlight: shared.for(password) });
    const joiner = new OpenSrsClient(upstream, password, { budget: joinerBudget, inFlight: shared.for(password) });
    const [a, b] = await Promise.all([owner.getDomainChanges('big.example.org', RANGE), joiner.getDomainChanges('big.example.org', RANGE)]);
    expect(b).toEqual(a);
    expect(sim.log).toHaveLength(1);
    expect([ownerBudget.used, joinerBudget.used]).toEqual([1, 0]);
  });
});
