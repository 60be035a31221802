// The results of a run: the headline table of issue 12 (each figure against its target, PASS/MISS
// and by how much, in full mode only), the scenarios, the other ratios, the upstream calls per
// query, drift, memory, the machine and how busy it was.
import type { ProcessStats } from './child.js';
import type { MachineInfo } from './machine.js';
import type { Summary } from './measure.js';
import type { ProfileSummary } from './profile.js';
import type { CheckedFacts, ScenarioId, ServerName } from './scenarios.js';

export interface ScenarioResult {
  id: ScenarioId;
  label: string;
  server: ServerName;
  summary: Summary;
  roundsRps: number[];
  /** Upstream requests the sandbox received per completed request, over the measured rounds. */
  callsPerRequest: number;
  /** CPU per completed request (ms) of the serving process, of the sandbox behind it, of this load generator. */
  serverCpuMs: number;
  sandboxCpuMs: number;
  loadgenCpuMs: number;
  /** CPU-seconds per second used by those processes together while the scenario ran. */
  coresBusy: number;
  /** CPU-seconds per second the rest of the machine used meanwhile (other processes, the OS). */
  otherCores: number;
  /** Resident memory of the serving process while the load ran (sampled every 250 ms): highest and mean. */
  rssPeak: number;
  rssMean: number;
}

export interface DriftResult {
  /** Upstream calls of each page of a walk with nothing landing (the first page first). */
  quiet: number[];
  /** The same walk with `landed` changes arriving before every page after the first. */
  withDrift: Array<{ landed: number; calls: number[] }>;
  /** Zone reads during all the walks (not counted in the calls: they depend on the zone cache). */
  zoneReads: number;
}

export interface ColdCalls {
  id: ScenarioId;
  /** Upstream calls of the first query on a fresh gateway, and of the same query right after. */
  first: number;
  second: number;
  /** Average over sequential queries on the main gateway after the measured rounds (exact). */
  warmSequential?: number;
}

export interface MemoryResult {
  requests: number;
  non2xx: number;
  /** The fresh process, before any request. */
  atStart: ProcessStats;
  /** After one page and a full GC: the baseline. */
  before: ProcessStats;
  /** Right after the last request, and then after a full GC. */
  after: ProcessStats;
  afterGc: ProcessStats;
  /** After every fifth of the requests (no GC). */
  checkpoints: Array<{ requests: number; rss: number; heapTotal: number; youngReserved: number; heapUsed: number; external: number }>;
}

export interface RunReport {
  mode: 'full' | 'short';
  command: string;
  date: string;
  seconds: number;
  machine: MachineInfo;
  code?: { commit: string; changedSrcFiles: number };
  loadBefore: [number, number, number];
  loadAfter: [number, number, number];
  /** Whole-machine busy and total CPU-seconds during the run (Linux). */
  machineBusy?: { busy: number; total: number };
  /** CPU-seconds used by this runner and every child process it started. */
  ourCpuSeconds: number;
  settings: {
    rounds: number;
    seconds: number;
    warmupSeconds: number;
    memoryRequests: number;
    connections: number;
    deepPage: number;
    driftPages: number;
    warmQueries: number;
    zoneTtlMs: number;
    seeds: { vinyldns: number; opensrs: number };
  };
  /** From fork to ready, ms (compiled JavaScript under node). */
  startup: { gateway: number; peer?: number; floor?: number };
  /** Stats of the gateway and the peer at the end of the run, after their loads. */
  idle: { gateway: ProcessStats; peer?: ProcessStats };
  scenarios: ScenarioResult[];
  cold: ColdCalls[];
  facts: CheckedFacts;
  drift?: DriftResult;
  memory?: MemoryResult;
  profile?: ProfileSummary & { scenario: string };
}

export interface Check {
  /** `headline`: a figure of issue 12's table; `other`: everything else. */
  group: 'headline' | 'other';
  name: string;
  value: number;
  op: '>=' | '<=' | '=' | 'info';
  goal?: number;
  /** Allowed relative deviation for '=', and headroom above the goal for '<=' (averages over a run carry a little noise). */
  tolerance?: number;
  unit?: string;
  judged: boolean;
  pass?: boolean;
  note?: string;
  /** Lowest and highest value of the same ratio taken round by round. */
  spread?: [number, number];
}

const MB = 1024 * 1024;
const WARM_TOLERANCE = 0.02;

const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const fms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(1)) : '–');

export function checks(report: RunReport): Check[] {
  const judged = report.mode === 'full';
  const s = new Map(report.scenarios.map((x) => [x.id, x]));
  const cold = new Map(report.cold.map((x) => [x.id, x]));
  const out: Check[] = [];
  const add = (c: Omit<Check, 'judged' | 'pass' | 'group'> & { group?: Check['group'] }) => {
    let pass: boolean | undefined;
    if (c.op === '>=') pass = c.value >= c.goal!;
    else if (c.op === '<=') pass = c.value <= c.goal! * (1 + (c.tolerance ?? 0));
    else if (c.op === '=') pass = Math.abs(c.value - c.goal!) <= (c.tolerance ?? 0) * c.goal!;
    out.push({ group: 'other', ...c, judged: judged && c.op !== 'info' && Number.isFinite(c.value), pass });
  };
  const spread = (x: ScenarioResult, y: ScenarioResult): [number, number] | undefined => {
    const ratios = x.roundsRps.map((r, i) => r / y.roundsRps[i]).filter(Number.isFinite);
    return ratios.length > 1 ? [Math.min(...ratios), Math.max(...ratios)] : undefined;
  };
  const h = s.get('h');
  const g = s.get('g');
  const p = s.get('p');
  const n = s.get('n');
  const pn = s.get('pn');
  const np = s.get('np');
  const a = s.get('a');
  const b = s.get('b');
  const hv = s.get('hv');

  // ---- issue 12's table ----
  const headline = 'headline' as const;
  if (h && g) {
    add({
      group: headline,
      name: "gateway req/s ÷ the hand-written proxy's — (h) ÷ (g)",
      value: h.summary.rps / g.summary.rps,
      op: '>=',
      goal: 0.8,
      spread: spread(h, g),
    });
    add({ group: headline, name: "gateway p50 ÷ the proxy's p50 — (h) ÷ (g)", value: h.summary.p50 / g.summary.p50, op: '<=', goal: 1.25 });
  }
  if (n && pn) {
    add({
      group: headline,
      name: 'N+1 shape (zone { name } over 5 zones): gateway req/s ÷ the Apollo peer — (n) ÷ (pn)',
      value: n.summary.rps / pn.summary.rps,
      op: '>=',
      goal: 3,
      spread: spread(n, pn),
    });
  }
  if (n && np) {
    add({
      group: headline,
      name: "N+1 shape req/s ÷ the plain page's (same list, no zone) — (n) ÷ (np)",
      value: n.summary.rps / np.summary.rps,
      op: '>=',
      goal: 0.9,
      spread: spread(n, np),
    });
  }
  if (h && p && Number.isFinite(h.rssPeak) && Number.isFinite(p.rssPeak)) {
    add({
      group: headline,
      name: 'resident memory under the headline load: gateway ÷ the Apollo peer (highest RSS during (h) ÷ during (p))',
      value: h.rssPeak / p.rssPeak,
      op: '<=',
      goal: 1.5,
      note: `${mb(h.rssPeak)} vs ${mb(p.rssPeak)}`,
    });
  }
  if (report.drift) {
    const pages = report.drift.withDrift.flatMap((d) => d.calls.slice(1));
    add({
      group: headline,
      name: 'upstream calls of a 100-edge drift page (first: 100) when changes landed since the last page (most of any page)',
      value: Math.max(...pages),
      op: '<=',
      goal: 2,
      note: `${report.drift.quiet.slice(1).length ? `${Math.max(...report.drift.quiet.slice(1))} with nothing landed` : ''}`,
    });
  }

  // ---- the rest ----
  if (hv && h)
    add({ name: `(hv) req/s ÷ (h) req/s — ${hv.label.replace(/^\(hv\) /, '')}`, value: hv.summary.rps / h.summary.rps, op: 'info', spread: spread(hv, h) });
  if (hv && h) add({ name: '(hv) gateway CPU per request ÷ (h)', value: hv.serverCpuMs / h.serverCpuMs, op: 'info' });
  if (h && p)
    add({
      name: '(h) req/s ÷ (p) req/s — gateway vs the Apollo peer on the plain page',
      value: h.summary.rps / p.summary.rps,
      op: 'info',
      spread: spread(h, p),
    });
  if (h && g) add({ name: '(h) gateway CPU per request ÷ (g) floor CPU per request', value: h.serverCpuMs / g.serverCpuMs, op: 'info' });
  if (p && g) add({ name: '(p) req/s ÷ (g) req/s — the Apollo peer vs the floor', value: p.summary.rps / g.summary.rps, op: 'info', spread: spread(p, g) });
  if (n && h)
    add({ name: '(n) req/s ÷ (h) req/s — the N+1 shape vs the headline page', value: n.summary.rps / h.summary.rps, op: 'info', spread: spread(n, h) });
  if (a && g)
    add({
      name: '(a) req/s ÷ (g) req/s — with coalescing of identical concurrent requests',
      value: a.summary.rps / g.summary.rps,
      op: 'info',
      spread: spread(a, g),
    });
  if (a && h)
    add({
      name: '(a) req/s ÷ (h) req/s — what coalescing gains when all queries are identical',
      value: a.summary.rps / h.summary.rps,
      op: 'info',
      spread: spread(a, h),
    });
  if (h && b) add({ name: '(h) req/s ÷ (b) req/s', value: h.summary.rps / b.summary.rps, op: 'info', spread: spread(h, b) });
  if (g && b) add({ name: '(g) req/s ÷ (b) req/s', value: g.summary.rps / b.summary.rps, op: 'info', spread: spread(g, b) });
  const zones = report.facts.failedDistinctZones;
  for (const [id, name, distinct] of [
    ['n', '(n)', zones],
    ['c2', "(c')", 1],
  ] as Array<[ScenarioId, string, number]>) {
    const coldCalls = cold.get(id);
    const run = s.get(id);
    if (coldCalls)
      add({
        name: `${name} upstream calls, cold (1st query on a fresh gateway)`,
        value: coldCalls.first,
        op: '=',
        goal: 1 + distinct,
        note: `1 + ${distinct} distinct zone${distinct === 1 ? '' : 's'}`,
      });
    if (run && coldCalls?.warmSequential !== undefined) {
      add({
        name: `${name} upstream calls per query, warm (${report.settings.warmQueries} sequential queries after the run, exact)`,
        value: coldCalls.warmSequential,
        op: '<=',
        goal: 1,
        tolerance: WARM_TOLERANCE,
        note: 'zones cached',
      });
    }
    if (run && h && id === 'c2')
      add({ name: `${name} req/s ÷ (h) req/s`, value: run.summary.rps / h.summary.rps, op: '>=', goal: 0.8, spread: spread(run, h) });
  }
  const d1 = s.get('d1');
  const d500 = s.get('d500');
  if (d1 && d500) {
    add({ name: `(d) page ${report.settings.deepPage} p50 ÷ page 1 p50`, value: d500.summary.p50 / d1.summary.p50, op: '<=', goal: 1.2 });
    add({
      name: `(d) page 1 req/s ÷ page ${report.settings.deepPage} req/s`,
      value: d1.summary.rps / d500.summary.rps,
      op: '<=',
      goal: 1.2,
      spread: spread(d1, d500),
    });
  }
  const m = report.memory;
  if (m) {
    add({
      name: `(e) RSS growth over ${m.requests} page requests (both after a full GC)`,
      value: (m.afterGc.rss - m.before.rss) / MB,
      op: '<=',
      goal: 50,
      unit: ' MB',
    });
    add({
      name: '(e) RSS growth, highest checkpoint (no GC)',
      value: (Math.max(...m.checkpoints.map((c) => c.rss)) - m.before.rss) / MB,
      op: 'info',
      unit: ' MB',
    });
    add({ name: '(e) V8 heap in use growth (both after a full GC)', value: (m.afterGc.heapUsed - m.before.heapUsed) / MB, op: 'info', unit: ' MB' });
  }
  return out;
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

function verdict(c: Check): string {
  if (c.op === 'info') return 'info';
  if (!c.judged) return '–';
  const v = c.value;
  const goal = c.goal!;
  if (c.op === '=' || c.tolerance) return c.pass ? 'PASS' : `MISS (${v > goal ? '+' : ''}${Number.isInteger(v) ? v - goal : f2(v - goal)})`;
  if (c.unit === ' MB') return c.pass ? `PASS (${f0(goal - v)} MB to spare)` : `MISS (${f0(v - goal)} MB over)`;
  if (c.op === '>=') return c.pass ? `PASS (${f0((v / goal - 1) * 100)}% margin)` : `MISS (${f0((1 - v / goal) * 100)}% short)`;
  return c.pass ? `PASS (${f0((1 - v / goal) * 100)}% margin)` : `MISS (${f0((v / goal - 1) * 100)}% over)`;
}

function goalText(c: Check): string {
  if (c.op === 'info') return '';
  const goal = c.unit ? `${c.goal}${c.unit}` : String(c.goal);
  const op = c.op === '=' ? '=' : c.op === '>=' ? '≥' : '≤';
  const tolerance = c.tolerance ? ` (${c.op === '=' ? '±' : '+'}${c.tolerance * 100}%)` : '';
  return `${op} ${goal}${tolerance}${c.note ? ` — ${c.note}` : ''}`;
}

function valueText(c: Check): string {
  if (c.unit) return `${f2(c.value)}${c.unit}`;
  const value = Number.isInteger(c.value) ? String(c.value) : f2(c.value);
  return c.spread ? `${value} (rounds ${f2(c.spread[0])}–${f2(c.spread[1])})` : value;
}

function table(head: string[], rows: string[][], align?: Array<'l' | 'r'>): string {
  const sep = head.map((_, i) => ((align?.[i] ?? 'l') === 'r' ? '---:' : '---'));
  return [head, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

const SERVER_NAMES: Record<ServerName, string> = {
  gateway: 'gateway',
  coalescing: 'gateway, coalescing',
  variant: 'gateway variant',
  peer: 'Apollo peer',
  floor: 'floor',
  sandbox: 'sandbox',
};

function scenarioTable(report: RunReport): string {
  const rows = report.scenarios.map((x) => [
    x.label,
    f0(x.summary.rps),
    fms(x.summary.p50),
    fms(x.summary.p99),
    x.roundsRps.map(f0).join(' · '),
    f2(x.callsPerRequest),
    `${fms(x.serverCpuMs)} (${SERVER_NAMES[x.server]})`,
    fms(x.sandboxCpuMs),
    fms(x.loadgenCpuMs),
    Number.isFinite(x.rssPeak) ? `${f0(x.rssPeak / MB)} / ${f0(x.rssMean / MB)}` : '–',
    f2(x.coresBusy),
    f2(x.otherCores),
    String(x.summary.non2xx + x.summary.errors),
  ]);
  return table(
    [
      'scenario',
      'req/s',
      'p50 ms',
      'p99 ms',
      'req/s by round',
      'upstream calls / req',
      'server CPU ms / req',
      'sandbox CPU ms / req',
      'load-gen CPU ms / req',
      'server RSS MB (peak / mean)',
      'cores busy (bench)',
      'cores busy (others)',
      'failed',
    ],
    rows,
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

function checksTable(report: RunReport, group: Check['group']): string {
  const rows = checks(report).filter((c) => c.group === group);
  return table(
    [group === 'headline' ? 'figure (issue 12)' : 'ratio / figure', 'now', 'target', 'verdict'],
    rows.map((c) => [c.name, valueText(c), goalText(c), verdict(c)]),
    ['l', 'r', 'l', 'l'],
  );
}

function callsTable(report: RunReport): string {
  const labels: Record<string, string> = { h: '(h) page of 100', n: '(n) failedZoneChanges with zone { name }', c2: "(c') recordSetChanges { zone { name } }" };
  const run = new Map(report.scenarios.map((x) => [x.id, x]));
  return table(
    ['query', 'cold: 1st query', '2nd query', 'under load (no coalescing)', `warm: ${report.settings.warmQueries} sequential queries after the run`],
    report.cold.map((c) => [labels[c.id] ?? c.id, String(c.first), String(c.second), f2(run.get(c.id)?.callsPerRequest ?? NaN), f2(c.warmSequential ?? NaN)]),
    ['l', 'r', 'r', 'r', 'r'],
  );
}

function driftText(d: DriftResult, pages: number): string {
  const row = (label: string, calls: number[]) => [label, calls.map(String).join(' · '), String(Math.max(...calls.slice(1)))];
  return [
    `The headline gateway walks ${pages} pages of \`recordSetChanges(first: 100)\` of big.example.org. (each page asking with the previous page's endCursor), ` +
      'with the given number of new changes landing at the top of the list before every page after the first. Upstream list calls per page, the first page first ' +
      `(zone reads, which depend on the zone cache and not on paging, are left out: ${d.zoneReads} over all the walks):`,
    '',
    table(
      ['changes landed before each page', 'calls per page', 'most of a page after the first'],
      [row('none', d.quiet), ...d.withDrift.map((x) => row(String(x.landed), x.calls))],
      ['l', 'r', 'r'],
    ),
  ].join('\n');
}

function memoryText(m: MemoryResult): string {
  const mbx = (n: number) => `${(n / MB).toFixed(1)} MB`;
  const row = (label: string, x: { rss: number; heapTotal: number; youngReserved: number; heapUsed: number; external: number }) => [
    label,
    mbx(x.rss),
    mbx(x.heapTotal),
    mbx(x.youngReserved),
    mbx(x.heapUsed),
    mbx(x.external),
  ];
  return [
    `(e) A fresh gateway process serves one page, is garbage-collected (the baseline), then serves ${m.requests} requests of (h) ` +
      `(${m.checkpoints.length} batches), and is garbage-collected again. The judged growth compares the two collected states; ` +
      'the rows without a GC show what the process holds under load, which depends on when V8 last collected.',
    '',
    table(
      ['moment', 'RSS', 'V8 heap reserved', 'of which young generation', 'V8 heap used', 'external (Buffers, …)'],
      [
        row('fresh, before any request', m.atStart),
        row('after 1 page + full GC (baseline)', m.before),
        ...m.checkpoints.map((c) => row(`after ${c.requests} more (no GC)`, c)),
        row(`after ${m.requests} more + full GC`, m.afterGc),
      ],
      ['l', 'r', 'r', 'r', 'r', 'r'],
    ),
  ].join('\n');
}

function residentText(report: RunReport): string {
  const s = new Map(report.scenarios.map((x) => [x.id, x]));
  const rows: string[][] = [];
  const add = (label: string, x: ScenarioResult | undefined) => {
    if (x && Number.isFinite(x.rssPeak)) rows.push([label, f0(x.rssPeak / MB), f0(x.rssMean / MB)]);
  };
  add('gateway, under (h)', s.get('h'));
  add('Apollo peer, under (p)', s.get('p'));
  add('gateway, under (n)', s.get('n'));
  add('Apollo peer, under (pn)', s.get('pn'));
  add('floor, under (g)', s.get('g'));
  const idle = (label: string, x: ProcessStats | undefined) => {
    if (x) rows.push([label, f0(x.rss / MB), '']);
  };
  idle('gateway, idle at the end of the run', report.idle.gateway);
  idle('Apollo peer, idle at the end of the run', report.idle.peer);
  const start = report.startup;
  return [
    table(['process', 'RSS MB, highest', 'RSS MB, mean'], rows, ['l', 'r', 'r']),
    '',
    `Resident memory of each server process (compiled JavaScript under node, NODE_ENV=production), sampled every 250 ms while its scenario's load ran. ` +
      `Start-up, fork to listening: gateway ${f0(start.gateway)} ms` +
      `${start.peer !== undefined ? `, Apollo peer ${f0(start.peer)} ms` : ''}${start.floor !== undefined ? `, floor ${f0(start.floor)} ms` : ''} (all started at once, in parallel).`,
  ].join('\n');
}

function machineLines(report: RunReport): string[] {
  const m = report.machine;
  const lines = [
    `- Machine: ${m.cpus} × ${m.cpuModel}${m.cpuMHz ? ` (${m.cpuMHz} MHz)` : ''}, ${m.memoryGiB.toFixed(1)} GiB RAM, ${m.platform}, Node ${m.node}.`,
    `- Load average (1, 5, 15 min): before ${report.loadBefore.map(f2).join(', ')}; after ${report.loadAfter.map(f2).join(', ')}.`,
  ];
  if (report.code) {
    const { commit, changedSrcFiles } = report.code;
    lines.push(`- Code: the working tree at commit ${commit}${changedSrcFiles ? `, with ${changedSrcFiles} file(s) under src/ changed or added since` : ''}.`);
  }
  if (report.machineBusy) {
    const { busy, total } = report.machineBusy;
    const cores = m.cpus;
    const wall = total / cores;
    const other = Math.max(0, busy - report.ourCpuSeconds);
    lines.push(
      `- CPU busy during the run: ${f2(busy / wall)} of ${cores} cores on average (${f0((busy / total) * 100)}%); the bench's own processes ` +
        `${f2(report.ourCpuSeconds / wall)} cores, everything else (other processes, the OS) ${f2(other / wall)} cores. ` +
        'The "cores busy (others)" column of the scenario table gives the same per scenario.',
    );
    // Other work took a core or more: the bench's processes fought for what was left, so
    // throughput ratios then measure the scheduler as much as the servers.
    if (other / wall >= cores / 2) {
      lines.push(
        `- **Warning: the machine was busy with other work (${f2(other / wall)} of ${cores} cores); throughput figures swing from round to round and ratios ` +
          'are far less reliable than on an idle machine. Compare the CPU per request columns, and re-run when the machine is quiet.**',
      );
    }
  }
  return lines;
}

function settingsLine(report: RunReport): string {
  const s = report.settings;
  const ids = report.scenarios.map((x) => x.id);
  const main = ids
    .filter((id) => !id.startsWith('d'))
    .map((id) => (id === 'c2' ? "c'" : id))
    .join(' ');
  const order = [main ? `${main}, ${main}, …` : '', ids.some((id) => id.startsWith('d')) ? `page 1 · page ${s.deepPage} alternately` : '']
    .filter(Boolean)
    .join(', then ');
  return (
    `- Load: autocannon, ${s.connections} connections, ${s.rounds} round${s.rounds === 1 ? '' : 's'} × ${s.seconds} s per scenario, ` +
    `interleaved (${order}), after a ${s.warmupSeconds} s warm-up of each; sandbox seeds VinylDNS ${s.seeds.vinyldns}, OpenSRS ${s.seeds.opensrs}. ` +
    'The sandbox, the headline gateway, the gateway with coalescing (a), the Apollo peer and the floor proxy each run in their own process, compiled, under node. ' +
    `The gateways run with NODE_ENV=production, a non-default CURSOR_SECRET, introspection off, RESPONSE_CACHE_TTL_MS=0 and the zone cache on (${s.zoneTtlMs / 1000} s); ` +
    'the headline gateway with UPSTREAM_COALESCE=false.'
  );
}

function cpuBudgetLines(report: RunReport): string[] {
  const s = new Map(report.scenarios.map((x) => [x.id, x]));
  const h = s.get('h');
  const p = s.get('p');
  const g = s.get('g');
  const b = s.get('b');
  const out: string[] = [];
  const total = (x: ScenarioResult) => x.serverCpuMs + x.sandboxCpuMs + x.loadgenCpuMs;
  const free = (x: ScenarioResult) => Math.max(0.1, report.machine.cpus - x.otherCores);
  // Each process has one event loop: none can use more than one core.
  const bound = (x: ScenarioResult, cores: number) => Math.min((cores * 1000) / total(x), 1000 / Math.max(x.serverCpuMs, x.sandboxCpuMs));
  const cpuLine = (x: ScenarioResult, name: string) =>
    `- Per page, ${name} spends ${fms(x.serverCpuMs)} ms of CPU where the floor proxy spends ${fms(g!.serverCpuMs)} ms ` +
    `(×${f2(x.serverCpuMs / g!.serverCpuMs)}); the sandbox spends ${fms(x.sandboxCpuMs)} ms behind it (${f2(x.callsPerRequest)} calls per request) ` +
    `and ${fms(g!.sandboxCpuMs)} ms behind the floor (${f2(g!.callsPerRequest)}); the load generator ${fms(x.loadgenCpuMs)} / ${fms(g!.loadgenCpuMs)} ms.`;
  if (g && h) out.push(cpuLine(h, 'the gateway (h)'));
  if (g && p) out.push(cpuLine(p, 'the Apollo peer (p)'));
  if (g && h) {
    out.push(
      `- Every process of the bench shares the machine's ${report.machine.cpus} cores and none can use more than one, so throughput is bounded by ` +
        `min((cores free to the bench) × 1000 ÷ (CPU ms per request summed over the three processes), 1000 ÷ (CPU ms per request of the busiest process)): ` +
        `(h) ${f0(bound(h, free(h)))} req/s with ${f2(free(h))} cores free, (g) ${f0(bound(g, free(g)))} req/s with ${f2(free(g))} ` +
        `(measured ${f0(h.summary.rps)} and ${f0(g.summary.rps)}); on an idle machine ${f0(bound(h, report.machine.cpus))} and ${f0(bound(g, report.machine.cpus))} req/s.`,
    );
  }
  if (b)
    out.push(
      `- The sandbox alone serves the page at ${fms(b.serverCpuMs)} ms of CPU per request (the load generator, which signs each request: ${fms(b.loadgenCpuMs)} ms).`,
    );
  return out;
}

function profileText(p: ProfileSummary & { scenario: string }): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `CPU profile of the serving gateway process over the measured rounds of ${p.scenario}: ${p.busyMs.toFixed(0)} ms busy (self time; V8 builtins such as JSON.parse usually count in their caller).`,
    '',
    table(
      ['area', 'self ms', 'share'],
      p.areas.map((r) => [r.name, r.ms.toFixed(0), pct(r.share)]),
      ['l', 'r', 'r'],
    ),
    '',
    table(
      ['function (self time)', 'self ms', 'share'],
      p.functions.map((r) => [r.name, r.ms.toFixed(0), pct(r.share)]),
      ['l', 'r', 'r'],
    ),
    '',
    table(
      ['our function (src/), with everything it calls', 'inclusive ms', 'share'],
      p.inclusive.map((r) => [r.name, r.ms.toFixed(0), pct(r.share)]),
      ['l', 'r', 'r'],
    ),
  ].join('\n');
}

function scenarioNote(report: RunReport): string {
  return (
    `(n) is one upstream page of VinylDNS's global failure list, the only list whose changes span zones: in this sandbox it holds ${report.facts.failedNodes} failed zone changes over ` +
    `${report.facts.failedDistinctZones} distinct zones. (np) is the same page without \`zone { name }\`, so (n) ÷ (np) is what asking for the zones costs. ` +
    "(c') is 100 record set changes of big.example.org., each asking for `zone { name }`. Every server's answer is checked once before the load: " +
    '(h), (g), (p) and (a) answer the same 100 nodes, (n), (pn) and (np) the same changes.'
  );
}

export function renderConsole(report: RunReport): string {
  const full = report.mode === 'full';
  const parts = [
    '',
    `changegraph bench, ${report.mode} mode, ${report.date}, ${report.seconds.toFixed(0)} s`,
    ...machineLines(report),
    settingsLine(report),
    '',
    full ? 'Issue 12, measured in this run (ratios within this run):' : 'Issue 12 (short mode: no judgement, the figures are too short to mean anything):',
    checksTable(report, 'headline'),
    '',
    scenarioTable(report),
    '',
    'Other ratios and figures:',
    checksTable(report, 'other'),
  ];
  if (report.cold.length) parts.push('', 'Upstream calls per query:', callsTable(report));
  if (report.drift) parts.push('', driftText(report.drift, report.settings.driftPages));
  parts.push('', residentText(report));
  if (report.memory) parts.push('', memoryText(report.memory));
  const budget = cpuBudgetLines(report);
  if (budget.length) parts.push('', ...budget);
  if (report.profile) parts.push('', profileText(report.profile));
  return parts.join('\n');
}

const NOTES_START = '<!-- notes:start (kept when the harness rewrites this file) -->';
const NOTES_END = '<!-- notes:end -->';

/** The hand-written notes of an existing RESULTS.md, so that a new run keeps them. */
export function extractNotes(markdown: string): string | undefined {
  const start = markdown.indexOf(NOTES_START);
  const end = markdown.indexOf(NOTES_END);
  if (start < 0 || end < start) return undefined;
  return markdown.slice(start + NOTES_START.length, end).trim();
}

export function renderMarkdown(report: RunReport, notes?: string): string {
  const s = report.settings;
  const parts = [
    '# Benchmark results',
    '',
    `Written by \`${report.command}\` (bench/run.ts) on ${report.date}, in ${report.seconds.toFixed(0)} s. Every ratio compares figures of this one run. ` +
      'Benchmarks are not timed tests: CI runs `npm run bench:smoke` only to prove the harness works.',
    '',
    '## Machine and load',
    '',
    ...machineLines(report),
    settingsLine(report),
    '',
    '## Issue 12: the figures and their targets',
    '',
    checksTable(report, 'headline'),
    '',
    '(h): the headline gateway; (g): the hand-written proxy (one signed undici request, `JSON.parse`, pick fields, `JSON.stringify`, no GraphQL); ' +
      '(p), (pn): the Apollo Server 5 peer (bench/apollo-peer.ts: RESTDataSource signing with aws4 in `willSendRequest`, a per-request DataLoader for zones); ' +
      '(n), (np): the N+1 shape and its plain page on the headline gateway. Each req/s ratio lists its lowest and highest value round by round.',
    '',
    '## Scenarios',
    '',
    scenarioTable(report),
    '',
    'req/s: completed responses over the measured time of all rounds; p50/p99: over every response of all rounds. ' +
      '"upstream calls / req" and the CPU columns are per request sent (the few still in flight when a load stops are served too, and counted once they are). ' +
      '"cores busy (bench)": CPU-seconds per second of the serving process, the sandbox behind it and the load generator while the scenario ran; ' +
      '"(others)": the rest of the machine meanwhile (other processes, the OS). ' +
      `The load is a closed loop of ${s.connections} connections: once the server is saturated, p50 ≈ ${s.connections} ÷ req/s, so a p50 ratio mostly mirrors the inverse throughput ratio.`,
    '',
    scenarioNote(report),
    '',
    '## Other ratios and figures',
    '',
    checksTable(report, 'other'),
  ];
  if (report.cold.length) {
    parts.push(
      '',
      '## Upstream calls per query',
      '',
      callsTable(report),
      '',
      'Cold: the first query on a freshly started gateway; 2nd: the same query right after; under load: upstream calls per request over the measured rounds; ' +
        `warm: over ${report.settings.warmQueries} sequential queries on the headline gateway after the rounds (the harness waits until every zone cache entry has expired, ` +
        'then sends the query once, uncounted, which caches the zones afresh, then counts).',
    );
  }
  if (report.drift) parts.push('', '## Drift', '', driftText(report.drift, s.driftPages));
  parts.push('', '## Memory', '', residentText(report));
  if (report.memory) parts.push('', memoryText(report.memory));
  parts.push(
    '',
    '## What the figures say',
    '',
    ...cpuBudgetLines(report),
    '',
    NOTES_START,
    '',
    notes ?? '_(hand-written notes go here; the harness keeps them when it rewrites this file)_',
    '',
    NOTES_END,
    '',
  );
  parts.push(
    '## How to run',
    '',
    '```sh',
    `npm run bench          # full: ${s.rounds} rounds × ${s.seconds} s per scenario, writes this file`,
    'npm run bench:smoke    # short: 1 round × 1 s, every scenario in a tiny form, no judgement, does not write this file',
    'npm run bench -- --only=h,g --cpu-prof          # some scenarios, with a CPU profile of the gateway serving (h)',
    'npm run bench -- --only=h,g --variant=GRAPHQL_JIT=false  # (hv): the headline page on a second gateway with one setting changed',
    '```',
    '',
  );
  return parts.join('\n');
}
