// Load test (issue 11): 64 concurrent clients for 60 s of mixed queries — normal pages, the abuse
// queries of test/safety/abuse.test.ts, bad input — counting answers by outcome and
// INTERNAL_SERVER_ERRORs. The sandbox runs in a process of its own, so the resident memory
// sampled is the gateway's alone.
// Run: npm run load [-- --seconds 60 --clients 64]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const SECONDS = arg('seconds', 60);
const CLIENTS = arg('clients', 64);
const PORT = arg('port', 4700);
const URL_ = `http://127.0.0.1:${PORT}/graphql`;

const nobody = `timeline(first: 0, actor: "nobody") { pageInfo { hasNextPage } }`;
const MIX: Array<{ kind: 'normal' | 'abuse' | 'bad'; body: unknown }> = [
  { kind: 'normal', body: { query: '{ zone(name: "example.com") { name recordSetChanges(first: 25) { edges { cursor node { summary actor } } } } }' } },
  { kind: 'normal', body: { query: '{ changes(domain: "example.com", first: 20) { edges { node { provider summary } } } }' } },
  { kind: 'normal', body: { query: '{ zones(first: 10) { nodes { name } } }' } },
  { kind: 'normal', body: { query: '{ domain(name: "example.com") { changes(first: 10) { totalCount nodes { message } } } }' } },
  { kind: 'abuse', body: { query: '{ changes(domain: "big.example.org", first: 0, actor: "nobody") { pageInfo { hasNextPage } } }' } },
  { kind: 'abuse', body: { query: `{ zones(first: 100) { nodes { ${nobody} } } }` } },
  { kind: 'abuse', body: { query: `{ zone(name: "big.example.org") { recordSetChanges(first: 100) { nodes { zone { ${nobody} } } } } }` } },
  { kind: 'bad', body: { query: '{ changes(domain: "not a domain!", first: 5) { edges { cursor } } }' } },
  { kind: 'bad', body: { query: '{ zone(name: "example.com") { recordSetChanges(first: 500) { edges { cursor } } } }' } },
  { kind: 'bad', body: { query: '{ changes(domain: "example.com", first: 5, after: "garbage") { edges { cursor } } }' } },
  { kind: 'bad', body: { query: '{ nope }' } },
];

const rss = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Starts `npm run sandbox`'s simulators in their own process; resolves with the gateway's settings for them. */
async function startSandbox(): Promise<{ env: Record<string, string>; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/main.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const env = await new Promise<Record<string, string>>((resolve, reject) => {
    child.once('exit', () => reject(new Error('the sandbox exited')));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const v = /VinylDNS simulator: (\S+) \(access key (\S+), secret key (\S+)\)/.exec(out);
      const o = /OpenSRS simulator: +(\S+) \(user (\S+), password (\S+)\)/.exec(out);
      if (v && o) {
        resolve({ VINYLDNS_URL: v[1], VINYLDNS_ACCESS_KEY: v[2], VINYLDNS_SECRET_KEY: v[3], OPENSRS_URL: o[1], OPENSRS_USER: o[2], OPENSRS_PASSWORD: o[3] });
      }
    });
  });
  return { env, stop: () => child.kill('SIGTERM') };
}

async function main(): Promise<void> {
  const sandbox = await startSandbox();
  const gateway = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, ...sandbox.env, PORT: String(PORT), LOG_LEVEL: 'warn', RESPONSE_CACHE_TTL_MS: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; ; i++) {
      if (i > 300) throw new Error('the gateway did not start');
      const up = await fetch(`http://127.0.0.1:${PORT}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const counts = new Map<string, number>();
    const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
    const slowest = new Map<string, number>();
    const samples: number[] = [];
    // The V8 heap in use, from the gateway's own metrics: what RSS holds beyond it is the allocator's high-water mark.
    const heap: number[] = [];
    const sampler = setInterval(() => {
      samples.push(rss(gateway.pid!));
      void fetch(`http://127.0.0.1:${PORT}/metrics`)
        .then((r) => r.text())
        .then((text) => {
          const used = /^changegraph_nodejs_heap_size_used_bytes (\S+)/m.exec(text)?.[1];
          if (used) heap.push(Number(used) / 2 ** 20);
        })
        .catch(() => undefined);
    }, 1000);
    const end = Date.now() + SECONDS * 1000;
    const load = loadavg()[0];
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let n = c; Date.now() < end; n++) {
          const { kind, body } = MIX[n % MIX.length];
          const started = performance.now();
          try {
            const res = await fetch(URL_, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(body),
              signal: AbortSignal.timeout(35_000),
            });
            const text = await res.text();
            slowest.set(kind, Math.max(slowest.get(kind) ?? 0, performance.now() - started));
            if (text.includes('INTERNAL_SERVER_ERROR')) count('INTERNAL_SERVER_ERROR');
            const json = JSON.parse(text) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
            const code = json.errors?.[0]?.extensions?.code;
            count(`${kind} ${res.status} ${code ?? (json.data ? 'data' : 'empty')}`);
          } catch (error) {
            const cause = (error as { cause?: { code?: string } }).cause;
            count(`${kind} failed: ${(error as Error).name}${cause?.code ? ` (${cause.code})` : ''}`);
          }
        }
      }),
    );
    clearInterval(sampler);
    const warm = samples.slice(Math.min(10, Math.floor(samples.length / 3)));
    console.log(`load: ${CLIENTS} clients for ${SECONDS} s, load average at start ${load.toFixed(1)}, at end ${loadavg()[0].toFixed(1)}`);
    for (const [key, n] of [...counts].sort()) console.log(`  ${key}: ${n}`);
    for (const [kind, ms] of [...slowest].sort()) console.log(`  slowest ${kind} answer: ${(ms / 1000).toFixed(1)} s`);
    // Flat: the last third of the run after warm-up holds no more memory, on average, than the first third (+15%).
    const third = Math.max(1, Math.floor(warm.length / 3));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const early = mean(warm.slice(0, third));
    const late = mean(warm.slice(-third));
    console.log(
      `  gateway RSS after warm-up: min ${Math.min(...warm).toFixed(0)} MB, max ${Math.max(...warm).toFixed(0)} MB, last ${warm[warm.length - 1]?.toFixed(0)} MB; mean of the first third ${early.toFixed(0)} MB, of the last third ${late.toFixed(0)} MB`,
    );
    const warmHeap = heap.slice(Math.min(10, Math.floor(heap.length / 3)));
    if (warmHeap.length > 0) {
      console.log(
        `  gateway V8 heap in use after warm-up: min ${Math.min(...warmHeap).toFixed(0)} MB, max ${Math.max(...warmHeap).toFixed(0)} MB, last ${warmHeap[warmHeap.length - 1].toFixed(0)} MB`,
      );
    }
    const normalOk = [...counts].filter(([k]) => k.startsWith('normal 200 data')).reduce((a, [, n]) => a + n, 0);
    const internal = counts.get('INTERNAL_SERVER_ERROR') ?? 0;
    const timedOut = [...counts].filter(([k]) => k.includes('failed')).reduce((a, [, n]) => a + n, 0);
    const flat = late <= early * 1.15;
    const verdict = internal === 0 && normalOk > 0 && timedOut === 0 && flat;
    console.log(
      `${verdict ? 'PASS' : 'MISS'}: ${internal} INTERNAL_SERVER_ERROR, ${normalOk} normal answers with data, ${timedOut} requests without an answer, memory ${flat ? 'flat' : 'growing'}`,
    );
  } finally {
    gateway.kill('SIGTERM');
    sandbox.stop();
  }
}

await main();
