// The upstream budget (issue 11): one operation, or one batched request, sends at most its budget
// of calls to VinylDNS and OpenSRS together. The field whose read would go over fails with
// UPSTREAM_BUDGET_EXCEEDED (the limit in the message and in extensions.limit) while the rest of
// the answer stands; reads served from memory (coalesced, loaders) cost nothing. Counted by the
// sandbox's own request logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/limits/config.js';
import { OperationTimeoutError, operationBudget, RequestAbandonedError, UpstreamBudget, UpstreamBudgetExceededError } from '../../src/providers/budget.js';
import { sandboxZone, startStack, type Stack } from '../helpers/stack.js';

const ZONES = ['example.com.', 'shop.example.com.', 'acme.io.', 'mail.example.net.', 'internal.corp.', 'big.example.org.'];
const calls = (stack: Stack) => stack.sandbox.vinyldns.log.length + stack.sandbox.opensrs.log.length;

describe('UpstreamBudget', () => {
  it('counts calls down to 0, then refuses with the limit, and takes from its batch too', () => {
    const request = {};
    const a = operationBudget({ perOperation: 3, perBatch: 4 }, request);
    const b = operationBudget({ perOperation: 3, perBatch: 4 }, request);
    expect(a.remaining()).toBe(3);
    a.take('VINYLDNS');
    a.take('OPENSRS');
    a.take('VINYLDNS');
    expect(a.remaining()).toBe(0);
    expect(() => a.take('VINYLDNS')).toThrow(UpstreamBudgetExceededError);
    expect(() => a.ensure('VINYLDNS')).toThrow(/limit of 3 upstream calls \(MAX_UPSTREAM_CALLS\)/);
    // The other operation of the same request has its own 3, but the batch only 1 left.
    expect(b.remaining()).toBe(1);
    b.take('OPENSRS');
    expect(b.used).toBe(1);
    const refused = (() => {
      try {
        b.take('OPENSRS');
      } catch (error) {
        return error as UpstreamBudgetExceededError;
      }
    })();
    expect(refused).toMatchObject({ code: 'UPSTREAM_BUDGET_EXCEEDED', provider: 'OPENSRS', details: { limit: 4 } });
    expect(refused!.message).toMatch(/batched request reached its limit of 4 .*MAX_UPSTREAM_CALLS_PER_BATCH/);
    // A refused call takes nothing.
    expect(b.used).toBe(1);
  });

  it('is separate for separate requests', () => {
    const one = operationBudget({ perOperation: 2, perBatch: 2 }, {});
    one.take('VINYLDNS');
    one.take('VINYLDNS');
    expect(operationBudget({ perOperation: 2, perBatch: 2 }, {}).remaining()).toBe(2);
    expect(new UpstreamBudget(5).remaining()).toBe(5);
  });
});

describe('UpstreamBudget in time and width', () => {
  const limits = { perOperation: 50, perBatch: 50, inFlight: 2, timeoutMs: 1_000 };

  it('sends nothing once the request is past its time limit, counted from its arrival', () => {
    let now = 10_000;
    const request = {};
    const a = operationBudget(limits, request, () => now);
    now = 10_999;
    expect(a.remaining()).toBe(50);
    a.take('VINYLDNS');
    now = 11_000;
    // Another operation of the same batch shares the request's clock.
    const b = operationBudget(limits, request, () => now);
    for (const budget of [a, b]) {
      expect(budget.remaining()).toBe(0);
      expect(() => budget.take('OPENSRS')).toThrow(OperationTimeoutError);
      expect(budget.refusal()).toMatchObject({ code: 'OPERATION_TIMEOUT', details: { timeoutMs: 1_000 } });
    }
    expect(a.refusal()!.message).toMatch(/time limit of 1000 ms \(OPERATION_TIMEOUT_MS\)/);
  });

  it('sends nothing once the client has gone', () => {
    const client = new AbortController();
    const budget = operationBudget(limits, { signal: client.signal }, () => 0);
    expect(budget.remaining()).toBe(50);
    client.abort();
    expect(budget.remaining()).toBe(0);
    expect(() => budget.ensure('VINYLDNS')).toThrow(RequestAbandonedError);
  });

  it('lifts only the time limit for a subscription', () => {
    let now = 0;
    const client = new AbortController();
    const budget = operationBudget(limits, { signal: client.signal }, () => now);
    budget.untimed();
    now = 5_000;
    expect(budget.remaining()).toBe(50);
    budget.take('VINYLDNS');
    expect(budget.remaining()).toBe(49);
    client.abort();
    expect(budget.refusal()?.code).toBe('REQUEST_ABANDONED');
  });

  it('lets an operation have only `inFlight` calls out at once, and none after its end', async () => {
    let now = 0;
    const budget = operationBudget(limits, {}, () => now);
    const first = await budget.acquire();
    const second = await budget.acquire();
    let third: (() => void) | undefined;
    const waiting = budget.acquire().then((release) => (third = release));
    await new Promise((r) => setImmediate(r));
    expect(third).toBeUndefined();
    first();
    await waiting;
    expect(third).toBeDefined();
    // A call that waited past the end is not sent: it gets the reason, and its slot is free again.
    const late = budget.acquire();
    now = 1_000;
    second();
    await expect(late).rejects.toBeInstanceOf(OperationTimeoutError);
    third!();
    expect(budget.remaining()).toBe(0);
  });
});

describe('through the gateway', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ config: (c) => ({ ...c, limits: { ...DEFAULT_LIMITS, maxUpstreamCalls: 3, maxUpstreamCallsPerBatch: 4 } }) });
  });
  afterAll(() => stack.close());

  it('fails the fields past the budget with UPSTREAM_BUDGET_EXCEEDED, and answers the rest', async () => {
    const fields = ZONES.slice(0, 5)
      .map((name, i) => `z${i}: zone(zoneId: "${sandboxZone(stack, name).id}") { name }`)
      .join(' ');
    stack.sandbox.vinyldns.clearLog();
    const res = await stack.gql(`{ ${fields} }`);
    expect(stack.sandbox.vinyldns.log).toHaveLength(3);
    const answered = Object.values(res.data as Record<string, { name: string } | null>).filter((z) => z !== null);
    expect(answered).toHaveLength(3);
    expect(answered.map((z) => z!.name).every((n) => ZONES.includes(n))).toBe(true);
    expect(res.errors).toHaveLength(2);
    for (const error of res.errors!) {
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_BUDGET_EXCEEDED', limit: 3, provider: 'VINYLDNS' });
      expect(error.message).toMatch(/limit of 3 upstream calls/);
    }
  });

  it('counts a read shared in flight once: identical lookups fit a budget their number would not', async () => {
    // Five identical zone-by-name lookups: one zone-by-name GET (shared) and one zone GET (the loader).
    const fields = Array.from({ length: 5 }, (_, i) => `z${i}: zone(name: "example.com") { name }`).join(' ');
    stack.sandbox.vinyldns.clearLog();
    const res = await stack.gql(`{ ${fields} }`);
    expect(res.errors).toBeUndefined();
    expect(stack.sandbox.vinyldns.log).toHaveLength(2);
  });

  it('gives a batch one budget for all its operations', async () => {
    const op = (names: string[]) => ({ query: `{ ${names.map((n, i) => `z${i}: zone(zoneId: "${sandboxZone(stack, n).id}") { name }`).join(' ')} }` });
    stack.sandbox.vinyldns.clearLog();
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([op(ZONES.slice(0, 3)), op(ZONES.slice(3, 6))]),
    });
    const [first, second] = (await res.json()) as Array<{
      data: Record<string, unknown>;
      errors?: Array<{ message: string; extensions: Record<string, unknown> }>;
    }>;
    // Three calls each would fit each operation's budget of 3; the batch allows 4 in all.
    expect(stack.sandbox.vinyldns.log).toHaveLength(4);
    const errors = [...(first.errors ?? []), ...(second.errors ?? [])];
    expect(errors).toHaveLength(2);
    expect(errors.every((e) => e.extensions.code === 'UPSTREAM_BUDGET_EXCEEDED' && e.extensions.limit === 4)).toBe(true);
    expect(errors[0].message).toMatch(/batched request/);
  });

  it('starts afresh on every request', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await stack.gql(`{ zone(zoneId: "${sandboxZone(stack, ZONES[i]).id}") { name } }`);
      expect(res.errors).toBeUndefined();
    }
  });
});

describe('the default budget', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it(`holds the issue's first query (first: 0, a filter that matches nothing) to ${DEFAULT_LIMITS.maxUpstreamCalls} calls`, async () => {
    const before = calls(stack);
    const res = await stack.gql('{ changes(domain: "big.example.org", first: 0, actor: "nobody") { pageInfo { hasNextPage } } }');
    expect(calls(stack) - before).toBeLessThanOrEqual(DEFAULT_LIMITS.maxUpstreamCalls);
    expect(JSON.stringify(res)).not.toContain('INTERNAL_SERVER_ERROR');
  });
});
