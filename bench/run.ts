// `npm run bench` (full; writes bench/RESULTS.md) and `npm run bench:smoke` (`--short`: proves
// the harness works and runs every scenario in a tiny form, no judgement). Other flags:
//   --only=h,g,p      only some scenarios (ids h g p n pn np a b c2 d e drift); writes nothing
//   --cpu-prof        profiles the headline gateway during the measured rounds of (h) (else of
//                     the first gateway scenario run) and summarises where its CPU time went
//   --variant=K=V     also runs the headline page on a second gateway started with K=V (scenario
//                     hv, interleaved with h), e.g. --variant=GRAPHQL_JIT=false; writes nothing
//
// The sandbox upstreams, the headline gateway, a gateway with coalescing on (for a), the Apollo
// peer and the floor proxy each run in their own process, compiled (compile.ts) and under plain
// node; this process is the load generator (autocannon). Compared scenarios run interleaved,
// round by round, so a change in the machine's load hits all of them alike.
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Child, type ProcessStats } from './child.js';
import { compileBench } from './compile.js';
import { busySeconds, codeState, cpuTimes, loadAverage, machineInfo } from './machine.js';
import { measure, summarise, type Sample } from './measure.js';
import { DEFAULT_CACHE } from '../src/cache/config.js';
import { summariseProfile } from './profile.js';
import {
  checks,
  extractNotes,
  renderConsole,
  renderMarkdown,
  type ColdCalls,
  type DriftResult,
  type MemoryResult,
  type RunReport,
  type ScenarioResult,
} from './report.js';
import {
  BIG_ZONE_ID,
  DEEP_PAGE,
  FAILED_ZONES_QUERY,
  PAGE_QUERY,
  ZONE_NAMES_QUERY,
  checkMainScenarios,
  cursorBeforeDeepPage,
  deepScenarios,
  driftPages,
  gql,
  graphqlTarget,
  mainScenarios,
  type Scenario,
  type ScenarioId,
  type ServerName,
} from './scenarios.js';

const args = process.argv.slice(2);
const short = args.includes('--short');
const profileGateway = args.includes('--cpu-prof');
const onlyArg = args.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : undefined;
const variantArg = args.find((a) => a.startsWith('--variant='));
const variant = variantArg ? parseVariant(variantArg.slice('--variant='.length)) : undefined;
const unknown = args.filter((a) => a !== '--short' && a !== '--cpu-prof' && !a.startsWith('--only=') && !a.startsWith('--variant='));
if (unknown.length) {
  console.error(`bench: unknown argument(s) ${unknown.join(' ')}; use --short, --only=h,g,p,n,pn,np,a,b,c2,d,e,drift, --cpu-prof, --variant=NAME=value`);
  process.exit(2);
}
const wanted = (id: string) => !only || only.has(id) || (id === 'hv' && variant !== undefined);
const WARM_QUERIES = short ? 5 : 20;
// Short mode shortens the zone TTL so that the exact warm count does not wait 5 s for expiry.
const ZONE_TTL_MS = short ? 1_000 : DEFAULT_CACHE.zoneTtlMs;
const MEMORY_CHECKPOINTS = 5;
const RSS_SAMPLE_MS = 250;

const settings = short
  ? { rounds: 1, seconds: 0.5, warmupSeconds: 0, memoryRequests: 200, connections: 32, deepPage: 20, driftPages: 3 }
  : { rounds: 4, seconds: 5, warmupSeconds: 2, memoryRequests: 10_000, connections: 32, deepPage: DEEP_PAGE, driftPages: 4 };
/** Changes landed between two drift pages: one, a few, and more than a page. */
const DRIFT_LANDED = short ? [3] : [1, 5, 150];

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const resultsFile = path.join(benchDir, 'RESULTS.md');
const command = short ? 'npm run bench:smoke' : `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
const t0 = Date.now();
const log = (line: string) => console.error(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${line}`);

function parseVariant(text: string): { name: string; value: string } {
  const eq = text.indexOf('=');
  if (eq <= 0) {
    console.error(`bench: --variant wants NAME=value, got ${text}`);
    process.exit(2);
  }
  return { name: text.slice(0, eq), value: text.slice(eq + 1) };
}

const children: Child[] = [];
async function stopAll(): Promise<void> {
  await Promise.allSettled(children.map((c) => c.stop()));
  Child.killStragglers();
}

/** Samples a process's resident memory while a load runs. */
function sampleRss(child: Child): () => Promise<number[]> {
  const samples: number[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      samples.push(await child.rss());
      await new Promise((resolve) => setTimeout(resolve, RSS_SAMPLE_MS));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    samples.push(await child.rss());
    return samples;
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const machine = machineInfo();
  const loadBefore = loadAverage();
  const cpuBefore = cpuTimes();
  const runnerCpuBefore = process.cpuUsage();
  log(
    `changegraph bench (${short ? 'short' : 'full'} mode): ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`,
  );
  const compiled = compileBench();
  const script = (name: string) => path.join(compiled, 'bench', `${name}.js`);
  log(`compiled src/ and bench/ into ${path.relative(process.cwd(), compiled)}`);

  // ---- the processes ----
  const sandbox = await Child.start('sandbox', script('serve-sandbox'));
  children.push(sandbox);
  const r = sandbox.ready as Record<string, any>;
  const upstreamEnv: Record<string, string> = {
    VINYLDNS_URL: r.vinyldnsUrl,
    VINYLDNS_ACCESS_KEY: r.accessKey,
    VINYLDNS_SECRET_KEY: r.secretKey,
    OPENSRS_URL: r.opensrsUrl,
    OPENSRS_USER: r.opensrsUser,
    OPENSRS_PASSWORD: r.opensrsPassword,
    OPENSRS_TOKEN: '',
    // Production mode, as the Dockerfile runs it (the peer reads it too: Apollo turns off
    // introspection and the landing page in production).
    NODE_ENV: 'production',
  };
  const gatewayEnv: Record<string, string> = {
    ...upstreamEnv,
    LOG_LEVEL: 'warn',
    PORT: '0',
    HOST: '127.0.0.1',
    // Not the public default, which production may refuse.
    CURSOR_SECRET: 'bench-cursor-secret-4f1c9a',
    GRAPHQL_INTROSPECTION: 'false',
    // The engine is measured, not the response cache (a hit would skip everything measured here),
    // nor coalescing (identical concurrent queries would share one upstream GET, which the floor
    // and the peer cannot): each request makes its own upstream calls. The zone cache stays on.
    RESPONSE_CACHE_TTL_MS: '0',
    UPSTREAM_COALESCE: 'false',
    ZONE_CACHE_TTL_MS: String(ZONE_TTL_MS),
  };
  // Kept after the run (replaced by the next), for a closer look in Chrome DevTools or speedscope.
  const profileDir = profileGateway ? path.join(compiled, 'profiles') : undefined;
  if (profileDir) {
    rmSync(profileDir, { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
  }
  const start = (name: string, file: string, env: Record<string, string>, execArgv: string[] = []) =>
    Child.start(name, script(file), { env, execArgv }).then((c) => {
      children.push(c);
      return c;
    });
  const startGateway = (name: string, env: Record<string, string> = {}, execArgv: string[] = []) =>
    start(name, 'serve-gateway', { ...gatewayEnv, ...env }, execArgv);
  // Every process starts now, in parallel: the headline gateway, the coalescing one for (a), the
  // peer, the floor, one fresh gateway per cold-start query and one for (e), which stay idle
  // until used.
  const coldQueries = (
    [
      { id: 'h', query: PAGE_QUERY, variables: { zoneId: BIG_ZONE_ID } },
      { id: 'n', query: FAILED_ZONES_QUERY, variables: {} },
      { id: 'c2', query: ZONE_NAMES_QUERY, variables: { zoneId: BIG_ZONE_ID } },
    ] as Array<{ id: ScenarioId; query: string; variables: Record<string, unknown> }>
  ).filter((q) => wanted(q.id) && (!short || q.id === 'n'));
  const [gateway, coalescing, variantGateway, peer, floor, coldGateways, memoryGateway] = await Promise.all([
    startGateway('gateway'),
    wanted('a') ? startGateway('gateway with coalescing', { UPSTREAM_COALESCE: 'true' }) : undefined,
    variant ? startGateway(`gateway with ${variant.name}=${variant.value}`, { [variant.name]: variant.value }) : undefined,
    wanted('p') || wanted('pn') ? start('Apollo peer', 'apollo-peer', upstreamEnv) : undefined,
    wanted('g') ? start('floor proxy', 'floor-proxy', upstreamEnv) : undefined,
    Promise.all(coldQueries.map((q) => startGateway(`cold gateway (${q.id})`))),
    wanted('e') ? startGateway('memory gateway', {}, ['--expose-gc']) : undefined,
  ]);
  const startup = { gateway: gateway.startupMs, peer: peer?.startupMs, floor: floor?.startupMs };
  log(
    `sandbox ${sandbox.url} (pid ${sandbox.pid}), gateway ${gateway.url} (pid ${gateway.pid}, ready in ${gateway.startupMs.toFixed(0)} ms)` +
      `${peer ? `, Apollo peer ${peer.url} (pid ${peer.pid}, ready in ${peer.startupMs.toFixed(0)} ms)` : ''}` +
      `${floor ? `, floor ${floor.url} (pid ${floor.pid})` : ''}${coalescing ? `, gateway with coalescing ${coalescing.url}` : ''}`,
  );

  const credentials = { accessKey: r.accessKey as string, secretKey: r.secretKey as string };
  const main = mainScenarios({
    gateway: gateway.url,
    coalescing: coalescing?.url ?? '',
    peer: peer?.url ?? '',
    floor: floor?.url ?? '',
    sandbox: sandbox.url,
    credentials,
  }).filter((s) => wanted(s.id));
  if (variantGateway) {
    main.splice(1, 0, {
      id: 'hv',
      label: `(hv) the headline page on a gateway with ${variant!.name}=${variant!.value}`,
      server: 'variant',
      target: graphqlTarget(variantGateway.url, PAGE_QUERY, { zoneId: BIG_ZONE_ID }),
    });
  }
  const upstreamCalls = async () => calls(await sandbox.stats());

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
  /**
   * Waits until requests abandoned in flight when a load stopped have finished upstream: no new
   * upstream call for 300 ms (a busy machine can leave a shorter gap between two of them).
   */
  async function settle(): Promise<void> {
    let last = await upstreamCalls();
    let quiet = 0;
    for (let i = 0; i < 100 && quiet < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = await upstreamCalls();
      quiet = now === last ? quiet + 1 : 0;
      last = now;
    }
  }
  const facts = await checkMainScenarios(main);
  let deep: Scenario[] = [];
  if (wanted('d')) {
    log(`walking big.example.org. 4 changes at a time to page ${settings.deepPage - 1} …`);
    deep = deepScenarios(gateway.url, { page: settings.deepPage, cursor: await cursorBeforeDeepPage(gateway.url, settings.deepPage) });
  }
  log(`checked every scenario's answer; warm-up: ${settings.warmupSeconds} s per scenario …`);
  for (const s of [...main, ...deep]) {
    await measure(
      s.target,
      short ? { connections: settings.connections, amount: settings.connections } : { connections: settings.connections, duration: settings.warmupSeconds },
    );
  }
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
    rss: number[];
  }
  const acc = new Map<ScenarioId, Acc>();
  const serverOf = (name: ServerName): Child => {
    const child = { gateway, coalescing, variant: variantGateway, peer, floor, sandbox }[name];
    if (!child) throw new Error(`no ${name} process was started`);
    return child;
  };
  const all = [...main, ...deep];
  const profiled = profileDir ? (all.find((s) => s.id === 'h') ?? all.find((s) => s.server === 'gateway')) : undefined;
  const profiles: string[] = [];
  async function round(s: Scenario): Promise<void> {
    const server = serverOf(s.server);
    if (s === profiled) await server.startProfile();
    const [srv0, sb0] = await Promise.all([server.stats(), sandbox.stats()]);
    const gen0 = process.cpuUsage();
    const machine0 = cpuTimes();
    const stopRss = sampleRss(server);
    const sample = await measure(s.target, { connections: settings.connections, duration: settings.seconds });
    const rss = await stopRss();
    const machine1 = cpuTimes();
    const gen = process.cpuUsage(gen0);
    await settle();
    if (s === profiled) {
      profiles.push(path.join(profileDir!, `${s.id}-${profiles.length + 1}.cpuprofile`));
      await server.stopProfile(profiles[profiles.length - 1]);
    }
    const [srv1, sb1] = await Promise.all([server.stats(), sandbox.stats()]);
    const a: Acc = acc.get(s.id) ?? { scenario: s, samples: [], calls: 0, serverCpu: 0, sandboxCpu: 0, loadgenCpu: 0, machineBusy: 0, rss: [] };
    a.samples.push(sample);
    a.calls += calls(sb1) - calls(sb0);
    a.serverCpu += srv1.cpuMicros - srv0.cpuMicros;
    a.sandboxCpu += s.server === 'sandbox' ? 0 : sb1.cpuMicros - sb0.cpuMicros;
    a.loadgenCpu += gen.user + gen.system;
    a.machineBusy += machine0 && machine1 ? busySeconds(machine0, machine1).busy * 1e6 : NaN;
    a.rss.push(...rss);
    acc.set(s.id, a);
    log(`  ${s.id.padEnd(4)} ${(sample.responses / sample.seconds).toFixed(0).padStart(6)} req/s, RSS up to ${(Math.max(...rss) / 2 ** 20).toFixed(0)} MB`);
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
      rssPeak: a.rss.length ? Math.max(...a.rss) : NaN,
      rssMean: a.rss.length ? a.rss.reduce((n, x) => n + x, 0) / a.rss.length : NaN,
    };
  });

  // ---- warm, exactly: upstream calls of sequential queries on the gateway after the rounds ----
  // "Once zones are cached": first wait until every zone entry has expired, then send each query
  // once, uncounted, which caches its zones afresh; the counted queries that follow all finish well
  // within the TTL, so no entry expires in the middle of a count.
  const warmQueries = coldQueries.filter((q) => acc.has(q.id));
  if (warmQueries.length) {
    await new Promise((resolve) => setTimeout(resolve, ZONE_TTL_MS + 200));
    for (const q of warmQueries) {
      await gql(gateway.url, q.query, q.variables);
      const warmStart = Date.now();
      const n0 = await upstreamCalls();
      for (let i = 0; i < WARM_QUERIES; i++) await gql(gateway.url, q.query, q.variables);
      const c = cold.find((x) => x.id === q.id);
      if (c) c.warmSequential = ((await upstreamCalls()) - n0) / WARM_QUERIES;
      const took = Date.now() - warmStart;
      if (took >= ZONE_TTL_MS)
        log(
          `warning: the sequential warm queries of ${q.id} took ${took} ms, longer than the zone TTL (${ZONE_TTL_MS} ms); their counts include zone refreshes`,
        );
    }
  }

  // ---- drift: upstream calls of a 100-edge page after changes landed since the previous one ----
  let drift: DriftResult | undefined;
  if (wanted('drift')) {
    const land = async (count: number) => {
      await sandbox.command('land', { zoneId: BIG_ZONE_ID, count });
    };
    // The page's list calls: zone reads depend on the zone cache, not on paging.
    const listCalls = async () => {
      const stats = await sandbox.stats();
      return calls(stats) - (stats.vinyldnsZoneReads ?? 0);
    };
    const zoneReads0 = (await sandbox.stats()).vinyldnsZoneReads ?? 0;
    const quiet = await driftPages(gateway.url, { pages: settings.driftPages, landed: 0, calls: listCalls, land });
    const withDrift = [];
    for (const landed of DRIFT_LANDED)
      withDrift.push({ landed, calls: await driftPages(gateway.url, { pages: settings.driftPages, landed, calls: listCalls, land }) });
    drift = { quiet, withDrift, zoneReads: ((await sandbox.stats()).vinyldnsZoneReads ?? 0) - zoneReads0 };
    log(
      `drift: ${withDrift.map((d) => `${d.landed} landed → ${d.calls.slice(1).join(', ')} calls`).join('; ')} (nothing landed: ${quiet.slice(1).join(', ')})`,
    );
  }

  // ---- (e) memory: a fresh gateway, RSS before and after N page requests ----
  let memory: MemoryResult | undefined;
  if (memoryGateway) {
    log(`memory: ${settings.memoryRequests} requests of (h) on a fresh gateway …`);
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
      checkpoints.push({
        requests,
        rss: after.rss,
        heapTotal: after.heapTotal,
        youngReserved: after.youngReserved,
        heapUsed: after.heapUsed,
        external: after.external,
      });
    }
    const afterGc = await fresh.statsAfterGc();
    await fresh.stop();
    memory = { requests, non2xx: failed, atStart, before, after, afterGc, checkpoints };
  }

  // ---- the end: stop everything, profile, report ----
  const loadAfter = loadAverage();
  const cpuAfter = cpuTimes();
  const idle = { gateway: await gateway.stats(), peer: await peer?.stats() };
  await stopAll();
  const runnerCpu = process.cpuUsage(runnerCpuBefore);
  let profile: RunReport['profile'];
  if (profileDir) {
    if (profiles.length) profile = { scenario: profiled!.label, ...summariseProfile(profiles) };
    log(`CPU profiles: ${path.relative(process.cwd(), profileDir)}/`);
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
    settings: { ...settings, warmQueries: WARM_QUERIES, zoneTtlMs: ZONE_TTL_MS, seeds: r.seeds as { vinyldns: number; opensrs: number } },
    startup,
    idle,
    scenarios,
    cold,
    facts,
    drift,
    memory,
    profile,
  };
  console.log(renderConsole(report));
  const failures = scenarios.filter((s) => s.summary.non2xx + s.summary.errors > 0);
  if (failures.length || (memory && memory.non2xx > 0)) {
    throw new Error(`some requests failed: ${failures.map((s) => `${s.id} ${s.summary.non2xx} non-2xx, ${s.summary.errors} errors`).join('; ')}`);
  }
  if (!short && !only && !profileGateway && !variant) {
    const notes = existsSync(resultsFile) ? extractNotes(readFileSync(resultsFile, 'utf8')) : undefined;
    writeFileSync(resultsFile, renderMarkdown(report, notes));
    log(`wrote ${path.relative(process.cwd(), resultsFile)}`);
  }
  if (!short) {
    const missed = checks(report).filter((c) => c.judged && !c.pass);
    log(missed.length ? `${missed.length} target(s) missed (see the tables); benchmarks report, they do not fail` : 'all targets met');
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
