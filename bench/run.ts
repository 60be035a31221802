// `npm run bench` (full; writes bench/RESULTS.md) and `npm run bench:smoke` (`--short`: proves
// the harness works, no judgement). Other flags: `--only=a0,g` runs only some scenarios (ids a a0
// b g c c2 d e); `--cpu-prof` profiles the serving gateway process during the measured rounds of
// (a0), else of (a), else of the first gateway scenario run, and summarises where its CPU time
// went. Neither writes RESULTS.md.
//
// The sandbox upstreams, the gateway, a second gateway without coalescing (for a0) and the floor
// proxy each run in their own process; this process is the load generator (autocannon). Compared
// scenarios run interleaved, round by round.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Child, type ProcessStats } from './child.js';
import { busySeconds, codeState, cpuTimes, loadAverage, machineInfo } from './machine.js';
import { measure, summarise, type Sample } from './measure.js';
import { DEFAULT_CACHE } from '../src/cache/config.js';
import { summariseProfile } from './profile.js';
import { checks, extractNotes, renderConsole, renderMarkdown, type ColdCalls, type MemoryResult, type RunReport, type ScenarioResult } from './report.js';
import {
  BIG_ZONE_ID,
  FAILED_ZONES_QUERY,
  PAGE_QUERY,
  ZONE_NAMES_QUERY,
  checkMainScenarios,
  cursorBeforeDeepPage,
  deepScenarios,
  gql,
  graphqlTarget,
  mainScenarios,
  type Scenario,
  type ScenarioId,
} from './scenarios.js';

const args = process.argv.slice(2);
const short = args.includes('--short');
const profileGateway = args.includes('--cpu-prof');
const onlyArg = args.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : undefined;
const unknown = args.filter((a) => a !== '--short' && a !== '--cpu-prof' && !a.startsWith('--only='));
if (unknown.length) {
  console.error(`bench: unknown argument(s) ${unknown.join(' ')}; use --short, --only=a,a0,b,g,c,c2,d,e, --cpu-prof`);
  process.exit(2);
}
const wanted = (id: string) => !only || only.has(id);
const WARM_QUERIES = 20;
const ZONE_TTL_MS = DEFAULT_CACHE.zoneTtlMs;
const MEMORY_CHECKPOINTS = 5;

const settings = short
  ? { rounds: 1, seconds: 1, warmupSeconds: 0.3, memoryRequests: 500, connections: 10 }
  : { rounds: 4, seconds: 5, warmupSeconds: 2, memoryRequests: 10_000, connections: 10 };

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const resultsFile = path.join(benchDir, 'RESULTS.md');
const command = short ? 'npm run bench:smoke' : `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
const t0 = Date.now();
const log = (line: string) => console.error(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${line}`);

const children: Child[] = [];
async function stopAll(): Promise<void> {
  await Promise.allSettled(children.map((c) => c.stop()));
}

async function main(): Promise<void> {
  const started = Date.now();
  const machine = machineInfo();
  const loadBefore = loadAverage();
  const cpuBefore = cpuTimes();
  const runnerCpuBefore = process.cpuUsage();
  log(`changegraph bench (${short ? 'short' : 'full'} mode): ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);

  // ---- the processes ----
  const sandbox = await Child.start('sandbox', './serve-sandbox.ts');
  children.push(sandbox);
  const r = sandbox.ready as Record<string, any>;
  const gatewayEnv: Record<string, string> = {
    VINYLDNS_URL: r.vinyldnsUrl,
    VINYLDNS_ACCESS_KEY: r.accessKey,
    VINYLDNS_SECRET_KEY: r.secretKey,
    OPENSRS_URL: r.opensrsUrl,
    OPENSRS_USER: r.opensrsUser,
    OPENSRS_PASSWORD: r.opensrsPassword,
    OPENSRS_TOKEN: '',
    LOG_LEVEL: 'warn',
    PORT: '0',
    HOST: '127.0.0.1',
    // Required with NODE_ENV=production below (16+ characters, not the public default).
    CURSOR_SECRET: 'bench-cursor-secret',
    // The engine is measured, not the response cache (a hit would skip everything measured here);
    // the zone cache stays on, as deployed. Production mode, as the Dockerfile runs it.
    RESPONSE_CACHE_TTL_MS: '0',
    NODE_ENV: 'production',
    // The default zone TTL, set explicitly so that the warm count below knows it.
    ZONE_CACHE_TTL_MS: String(ZONE_TTL_MS),
  };
  const profileDir = profileGateway ? mkdtempSync(path.join(os.tmpdir(), 'changegraph-prof-')) : undefined;
  const startGateway = (name: string, execArgv: string[] = [], env: Record<string, string> = {}) =>
    Child.start(name, './serve-gateway.ts', { env: { ...gatewayEnv, ...env }, execArgv }).then((c) => {
      children.push(c);
      return c;
    });
  // Every process starts now, in parallel (tsx start-up is slow): the main gateway, the gateway
  // without coalescing for (a0), the floor proxy, one fresh gateway per cold-start query and one
  // for (e), which stay idle until used.
  const coldQueries = (
    [
      { id: 'a', query: PAGE_QUERY, variables: { zoneId: BIG_ZONE_ID } },
      { id: 'c', query: FAILED_ZONES_QUERY, variables: {} },
      { id: 'c2', query: ZONE_NAMES_QUERY, variables: { zoneId: BIG_ZONE_ID } },
    ] as Array<{ id: ScenarioId; query: string; variables: Record<string, unknown> }>
  ).filter((q) => wanted(q.id));
  const [gateway, gateway0, floor, coldGateways, memoryGateway] = await Promise.all([
    startGateway('gateway'),
    // Zone cache on, response cache off, as for the main gateway; only coalescing differs.
    wanted('a0') ? startGateway('gateway without coalescing', [], { UPSTREAM_COALESCE: 'false' }) : undefined,
    Child.start('floor proxy', './floor-proxy.ts', { env: gatewayEnv }).then((c) => {
      children.push(c);
      return c;
    }),
    Promise.all(coldQueries.map((q) => startGateway(`cold gateway (${q.id})`))),
    wanted('e') ? startGateway('memory gateway', ['--expose-gc']) : undefined,
  ]);
  log(
    `sandbox ${sandbox.url} (pid ${sandbox.pid}), gateway ${gateway.url} (pid ${gateway.pid}), ` +
      `${gateway0 ? `gateway without coalescing ${gateway0.url} (pid ${gateway0.pid}), ` : ''}floor ${floor.url} (pid ${floor.pid})`,
  );

  const credentials = { accessKey: r.accessKey as string, secretKey: r.secretKey as string };
  const main = mainScenarios({ gateway: gateway.url, gateway0: gateway0?.url ?? '', floor: floor.url, sandbox: sandbox.url, credentials }).filter((s) => wanted(s.id));
  const upstreamCalls = async () => {
    const s = await sandbox.stats();
    return (s.vinyldnsCalls ?? 0) + (s.opensrsCalls ?? 0);
  };

  // ---- cold starts: upstream calls of the first and the second query on a fresh gateway ----
  const cold: ColdCalls[] = [];
  for (const [i, q] of coldQueries.entries()) {
    const n0 = await upstreamCalls();
    await gql(coldGateways[i].url, q.query, q.variables);
    const n1 = await upstreamCalls();
    await gql(coldGateways[i].url, q.query, q.variables);
    const n2 = await upstreamCalls();
    cold.push({ id: q.id, first: n1 - n0, second: n2 - n1 });
  }
  await Promise.all(coldGateways.map((c) => c.stop()));
  if (cold.length) log(`cold starts: ${cold.map((c) => `${c.id} ${c.first} then ${c.second} upstream calls`).join(', ')}`);

  // ---- checks, the deep cursor, warm-up ----
  /** Waits until requests abandoned in flight when a load stopped have finished upstream. */
  async function settle(): Promise<void> {
    let last = await upstreamCalls();
    for (let i = 0; i < 40; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = await upstreamCalls();
      if (now === last) return;
      last = now;
    }
  }
  const facts = await checkMainScenarios(main);
  let deep: Scenario[] = [];
  if (wanted('d')) {
    log('walking big.example.org. 4 changes at a time to page 499 …');
    deep = deepScenarios(gateway.url, await cursorBeforeDeepPage(gateway.url));
  }
  log(`checked every scenario's answer; warm-up: ${settings.warmupSeconds} s per scenario …`);
  for (const s of [...main, ...deep]) await measure(s.target, { connections: settings.connections, duration: settings.warmupSeconds });
  await settle(); // requests abandoned by the last warm-up must not land in the first round

  // ---- the measured rounds, interleaved ----
  interface Acc {
    scenario: Scenario;
    samples: Sample[];
    calls: number;
    serverCpu: number;
    sandboxCpu: number;
    loadgenCpu: number;
    machineBusy: number;
  }
  const acc = new Map<ScenarioId, Acc>();
  const serverOf = (name: Scenario['server']): Child => {
    const child = { gateway, gateway0, floor, sandbox }[name];
    if (!child) throw new Error(`no ${name} process was started`);
    return child;
  };
  const all = [...main, ...deep];
  const profiled = profileDir
    ? (all.find((s) => s.id === 'a0') ?? all.find((s) => s.id === 'a') ?? all.find((s) => s.server === 'gateway' || s.server === 'gateway0'))
    : undefined;
  const profiles: string[] = [];
  async function round(s: Scenario): Promise<void> {
    const server = serverOf(s.server);
    if (s === profiled) await server.startProfile();
    const [srv0, sb0] = await Promise.all([server.stats(), sandbox.stats()]);
    const gen0 = process.cpuUsage();
    const machine0 = cpuTimes();
    const sample = await measure(s.target, { connections: settings.connections, duration: settings.seconds });
    const machine1 = cpuTimes();
    const gen = process.cpuUsage(gen0);
    await settle();
    if (s === profiled) {
      profiles.push(path.join(profileDir!, `${s.id}-${profiles.length + 1}.cpuprofile`));
      await server.stopProfile(profiles[profiles.length - 1]);
    }
    const [srv1, sb1] = await Promise.all([server.stats(), sandbox.stats()]);
    const a: Acc = acc.get(s.id) ?? { scenario: s, samples: [], calls: 0, serverCpu: 0, sandboxCpu: 0, loadgenCpu: 0, machineBusy: 0 };
    a.samples.push(sample);
    a.calls += calls(sb1) - calls(sb0);
    a.serverCpu += srv1.cpuMicros - srv0.cpuMicros;
    a.sandboxCpu += s.server === 'sandbox' ? 0 : sb1.cpuMicros - sb0.cpuMicros;
    a.loadgenCpu += gen.user + gen.system;
    a.machineBusy += machine0 && machine1 ? busySeconds(machine0, machine1).busy * 1e6 : NaN;
    acc.set(s.id, a);
    log(`  ${s.id.padEnd(4)} ${(sample.responses / sample.seconds).toFixed(0).padStart(6)} req/s`);
  }
  for (const group of [main, deep]) {
    if (!group.length) continue;
    for (let i = 0; i < settings.rounds; i++) {
      log(`round ${i + 1}/${settings.rounds}: ${group.map((s) => s.id).join(' ')}`);
      for (const s of group) await round(s);
    }
  }
  const scenarios: ScenarioResult[] = [...acc.values()].map((a) => {
    const summary = summarise(a.samples);
    // Per request the server handled: requests still in flight when a load stopped were served too.
    const per = (micros: number) => (summary.sent ? micros / 1000 / summary.sent : NaN);
    const ours = a.serverCpu + a.sandboxCpu + a.loadgenCpu;
    return {
      id: a.scenario.id,
      label: a.scenario.label,
      server: a.scenario.server,
      summary,
      roundsRps: a.samples.map((s) => s.responses / s.seconds),
      callsPerRequest: summary.sent ? a.calls / summary.sent : NaN,
      serverCpuMs: per(a.serverCpu),
      sandboxCpuMs: a.scenario.server === 'sandbox' ? NaN : per(a.sandboxCpu),
      loadgenCpuMs: per(a.loadgenCpu),
      coresBusy: ours / 1e6 / summary.seconds,
      otherCores: Math.max(0, a.machineBusy - ours) / 1e6 / summary.seconds,
    };
  });

  // ---- warm, exactly: upstream calls of sequential queries on the gateway after the rounds ----
  // "Once zones are cached": first wait until every zone entry has expired, then send each query
  // once, uncounted, which caches its zones afresh; the counted queries that follow all finish well
  // within the TTL, so no entry expires in the middle of a count.
  const warmQueries = coldQueries.filter((q) => acc.has(q.id));
  if (warmQueries.length) {
    await new Promise((resolve) => setTimeout(resolve, ZONE_TTL_MS + 200));
    const warmStart = Date.now();
    for (const q of warmQueries) {
      await gql(gateway.url, q.query, q.variables);
      const n0 = await upstreamCalls();
      for (let i = 0; i < WARM_QUERIES; i++) await gql(gateway.url, q.query, q.variables);
      const c = cold.find((x) => x.id === q.id);
      if (c) c.warmSequential = ((await upstreamCalls()) - n0) / WARM_QUERIES;
    }
    const took = Date.now() - warmStart;
    if (took >= ZONE_TTL_MS) log(`warning: the sequential warm queries took ${took} ms, longer than the zone TTL (${ZONE_TTL_MS} ms); their counts include zone refreshes`);
  }

  // ---- (e) memory: a fresh gateway, RSS before and after N page requests ----
  let memory: MemoryResult | undefined;
  if (memoryGateway) {
    log(`memory: ${settings.memoryRequests} requests of (a) on a fresh gateway …`);
    const fresh = memoryGateway;
    const atStart = await fresh.stats();
    // One page first, so lazy initialisation is not counted as growth; then a full GC, so the
    // baseline does not depend on when V8 last collected the start-up garbage.
    await gql(fresh.url, PAGE_QUERY, { zoneId: BIG_ZONE_ID });
    const before = await fresh.statsAfterGc();
    const target = graphqlTarget(fresh.url, PAGE_QUERY, { zoneId: BIG_ZONE_ID });
    const checkpoints: MemoryResult['checkpoints'] = [];
    let requests = 0;
    let failed = 0;
    let after = before;
    const chunk = settings.memoryRequests / MEMORY_CHECKPOINTS;
    for (let i = 0; i < MEMORY_CHECKPOINTS; i++) {
      const sample = await measure(target, { connections: settings.connections, amount: chunk });
      requests += sample.responses;
      failed += sample.non2xx + sample.errors;
      after = await fresh.stats();
      checkpoints.push({ requests, rss: after.rss, heapTotal: after.heapTotal, youngReserved: after.youngReserved, heapUsed: after.heapUsed, external: after.external });
    }
    const afterGc = await fresh.statsAfterGc();
    await fresh.stop();
    memory = { requests, non2xx: failed, atStart, before, after, afterGc, checkpoints };
  }

  // ---- the end: stop everything, profile, report ----
  const loadAfter = loadAverage();
  const cpuAfter = cpuTimes();
  await stopAll();
  const runnerCpu = process.cpuUsage(runnerCpuBefore);
  let profile: RunReport['profile'];
  if (profileDir) {
    if (profiles.length) profile = { scenario: profiled!.label, ...summariseProfile(profiles) };
    rmSync(profileDir, { recursive: true, force: true });
  }

  const report: RunReport = {
    mode: short ? 'short' : 'full',
    command,
    date: new Date(started).toISOString(),
    seconds: (Date.now() - started) / 1000,
    machine,
    code: codeState(),
    loadBefore,
    loadAfter,
    machineBusy: cpuBefore && cpuAfter ? busySeconds(cpuBefore, cpuAfter) : undefined,
    ourCpuSeconds: (runnerCpu.user + runnerCpu.system + children.reduce((n, c) => n + (c.finalStats?.cpuMicros ?? 0), 0)) / 1e6,
    settings: { ...settings, warmQueries: WARM_QUERIES, seeds: r.seeds as { vinyldns: number; opensrs: number } },
    scenarios,
    cold,
    facts,
    memory,
    profile,
  };
  console.log(renderConsole(report));
  const failures = scenarios.filter((s) => s.summary.non2xx + s.summary.errors > 0);
  if (failures.length || (memory && memory.non2xx > 0)) {
    throw new Error(`some requests failed: ${failures.map((s) => `${s.id} ${s.summary.non2xx} non-2xx, ${s.summary.errors} errors`).join('; ')}`);
  }
  if (!short && !only && !profileGateway) {
    const notes = existsSync(resultsFile) ? extractNotes(readFileSync(resultsFile, 'utf8')) : undefined;
    writeFileSync(resultsFile, renderMarkdown(report, notes));
    log(`wrote ${path.relative(process.cwd(), resultsFile)}`);
  }
  if (!short) {
    const missed = checks(report).filter((c) => c.judged && !c.pass);
    log(missed.length ? `${missed.length} target(s) missed (see the table); benchmarks report, they do not fail` : 'all targets met');
  }
}

function calls(stats: ProcessStats): number {
  return (stats.vinyldnsCalls ?? 0) + (stats.opensrsCalls ?? 0);
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await stopAll();
    process.exit(1);
  },
);
