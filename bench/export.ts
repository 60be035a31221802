// npm run bench:export [-- --sizes 10000,100000] [-- --short]
// The export benchmark: rows per second of GET /export/changes over a long merged history, and the
// gateway's peak RSS while it streams, for histories of several lengths, so the figures show
// whether memory grows with the history (it should not: one page at a time). The sandbox and the
// gateway each run in a process of their own; this process reads the export as a fast client.
// Writes bench/EXPORT-RESULTS.md. Not part of CI (bench:smoke); `--short` runs small sizes.
import { fork, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadAverage, machineInfo } from './machine.js';

const { values } = parseArgs({ options: { sizes: { type: 'string' }, short: { type: 'boolean', default: false }, formats: { type: 'string' } } });
const sizes = (values.sizes ?? (values.short ? '2000,10000' : '10000,100000')).split(',').map(Number);
const formats = (values.formats ?? 'csv,ndjson').split(',') as Array<'csv' | 'ndjson'>;

interface Ready {
  type: 'ready';
  [key: string]: unknown;
}

function start(script: string, env: Record<string, string> = {}, execArgv: string[] = []): Promise<{ proc: ChildProcess; ready: Ready }> {
  const proc = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
    execArgv: ['--import', 'tsx', ...execArgv],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    proc.once('message', (msg) => resolve({ proc, ready: msg as Ready }));
    proc.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
}

let nextId = 1;
function memoryOf(proc: ChildProcess, gc = false): Promise<{ rss: number; maxRss: number; heapUsed: number }> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (msg: { type?: string; id?: number; rss: number; maxRss: number; heapUsed: number }) => {
      if (msg.type !== 'memory' || msg.id !== id) return;
      proc.off('message', onMessage);
      resolve(msg);
    };
    proc.on('message', onMessage);
    proc.send({ type: 'memory', id, gc });
  });
}

/** Reads the whole export as fast as it comes; counts its changes (less the CSV header) and bytes. */
function download(url: string, header = false): Promise<{ rows: number; bytes: number; seconds: number; complete: boolean }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}`));
      let bytes = 0;
      let cursors = 0;
      // Records end with "\r\n" (CSV; the seeded messages hold bare "\n" only) or "}\n" (NDJSON;
      // JSON escapes line breaks): counted without parsing, to keep this client cheap.
      let previous = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let i = 0; i < chunk.length; i++) {
          if (chunk[i] === 0x0a && (previous === 0x0d || previous === 0x7d)) cursors++;
          previous = chunk[i];
        }
      });
      res.on('end', () => resolve({ rows: cursors - (header ? 1 : 0), bytes, seconds: (performance.now() - started) / 1000, complete: res.complete }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

const startedAt = new Date();
const loadBefore = loadAverage();
const sandbox = await start('./export-sandbox.ts', { BENCH_EXPORT_SIZES: sizes.join(',') });
const up = sandbox.ready as unknown as {
  vinyldnsUrl: string;
  opensrsUrl: string;
  accessKey: string;
  secretKey: string;
  opensrsUser: string;
  opensrsPassword: string;
  seededMs: Record<string, number>;
};

interface Result {
  size: number;
  format: string;
  rows: number;
  bytes: number;
  seconds: number;
  baseline: number;
  peak: number;
  rssAfter: number;
  samples: number[];
  /** V8 heap in use after a full GC, before the export and at most during it. */
  heapBefore: number;
  heapPeak: number;
}
const results: Result[] = [];

/** A fresh gateway (so each peak is that export's own) against the sandbox, export pacing out of the way. */
const gatewayEnv = {
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  VINYLDNS_URL: up.vinyldnsUrl,
  VINYLDNS_ACCESS_KEY: up.accessKey,
  VINYLDNS_SECRET_KEY: up.secretKey,
  OPENSRS_URL: up.opensrsUrl,
  OPENSRS_USER: up.opensrsUser,
  OPENSRS_PASSWORD: up.opensrsPassword,
  // The gateway's own speed: the export pacing (default 20 upstream calls/s) out of the way.
  EXPORT_UPSTREAM_RPS: '100000',
  EXPORT_UPSTREAM_RPS_PER_IDENTITY: '100000',
};

/**
 * One export on a fresh gateway. `reachable`: every second, a full GC and the heap still in use
 * (what the export holds on to, not what V8 has yet to collect); slows the run, so it is a pass
 * of its own.
 */
async function measure(size: number, format: 'csv' | 'ndjson', reachable: boolean) {
  const gateway = await start('./export-gateway.ts', gatewayEnv, ['--expose-gc']);
  const url = gateway.ready.url as string;
  // Warm up (JIT, pools) on a short export, then take the baseline.
  await download(`${url}/export/changes?domain=example.com&format=${format}&providers=OPENSRS`, format === 'csv');
  const before = await memoryOf(gateway.proc, reachable);
  const samples: Array<{ rss: number; heapUsed: number }> = [];
  const sampler = setInterval(() => void memoryOf(gateway.proc, reachable).then((m) => samples.push(m)), reachable ? 1000 : 250);
  const run = await download(`${url}/export/changes?domain=export-${size}.example&format=${format}`, format === 'csv');
  clearInterval(sampler);
  const after = await memoryOf(gateway.proc);
  gateway.proc.disconnect();
  if (!run.complete || run.rows !== size) throw new Error(`export of ${size} changes as ${format}: ${run.rows} rows, complete ${run.complete}`);
  return { run, before, after, samples };
}

for (const size of sizes) {
  for (const format of formats) {
    const natural = await measure(size, format, false);
    const gced = await measure(size, format, true);
    const { run } = natural;
    const heapPeak = Math.max(gced.before.heapUsed, ...gced.samples.map((m) => m.heapUsed));
    results.push({
      size,
      format,
      rows: run.rows,
      bytes: run.bytes,
      seconds: run.seconds,
      baseline: natural.before.rss,
      peak: natural.after.maxRss,
      rssAfter: natural.after.rss,
      samples: natural.samples.map((m) => m.rss),
      heapBefore: gced.before.heapUsed,
      heapPeak,
    });
    console.error(
      `${size} ${format}: ${Math.round(run.rows / run.seconds)} rows/s, ${mb(run.bytes)} MB in ${run.seconds.toFixed(1)} s; RSS before ${mb(natural.before.rss)} MB, peak ${mb(natural.after.maxRss)} MB; heap after GC ${mb(gced.before.heapUsed)} MB, at most ${mb(heapPeak)} MB during`,
    );
  }
}
sandbox.proc.disconnect();

const machine = machineInfo();
const loadAfter = loadAverage();
const quartiles = (xs: number[]) =>
  xs.length === 0 ? '–' : [0.25, 0.5, 0.75, 1].map((q) => mb(xs[Math.min(xs.length - 1, Math.floor(q * (xs.length - 1)))])).join(' · ');
const lines = [
  '# Export benchmark',
  '',
  `Written by \`npm run bench:export\` (bench/export.ts) on ${startedAt.toISOString()}. The sandbox and the gateway each run in their own process; the benchmark reads each export as a fast client over loopback HTTP. The export pacing is raised out of the way (EXPORT_UPSTREAM_RPS=100000), so these are the gateway's own figures; at the default pacing (10 upstream calls per second per identity, 20 in all; about 4 calls per page of 100) one export reads about 250 changes per second, and all exports together about 500.`,
  '',
  `- Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB.toFixed(1)} GiB RAM, ${machine.platform}, Node ${machine.node}.`,
  `- Load average (1, 5, 15 min): before ${loadBefore.map((x) => x.toFixed(2)).join(', ')}; after ${loadAfter.map((x) => x.toFixed(2)).join(', ')}.`,
  `- Histories: ${sizes.map((s) => `${s} changes (seeded in ${up.seededMs[`export-${s}.example`]} ms)`).join(', ')}; zone changes, record set changes and OpenSRS changes about 35/35/30, with same-millisecond bursts.`,
  '',
  '| changes | format | rows/s | MB | seconds | gateway RSS before (MB) | peak RSS (MB) | peak − before (MB) | RSS during, quartiles of samples every 250 ms (MB) | heap in use after GC: before · most during (MB) |',
  '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ...results.map(
    (r) =>
      `| ${r.size} | ${r.format} | ${Math.round(r.rows / r.seconds)} | ${mb(r.bytes)} | ${r.seconds.toFixed(1)} | ${mb(r.baseline)} | ${mb(r.peak)} | ${mb(r.peak - r.baseline)} | ${quartiles([...r.samples].sort((a, b) => a - b))} | ${mb(r.heapBefore)} · ${mb(r.heapPeak)} |`,
  ),
  '',
  'Peak RSS is the process\'s high-water mark (`process.resourceUsage().maxRSS`), which includes start-up and the warm-up export; "before" is the RSS after the warm-up. The last column comes from a second run of the same export in which the gateway is made to collect its garbage every second: the V8 heap still in use then is what the export holds on to. Flat means neither grows with the number of changes.',
  '',
];
const file = fileURLToPath(new URL('./EXPORT-RESULTS.md', import.meta.url));
writeFileSync(file, lines.join('\n'));
console.log(lines.join('\n'));
