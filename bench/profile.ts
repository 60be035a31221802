// Summarises a V8 .cpuprofile (written by `node --cpu-prof`): where the non-idle CPU time went,
// by function (self time) and by area (package, project folder, Node internals, GC).
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileRow {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  busyMs: number;
  functions: ProfileRow[];
  areas: ProfileRow[];
  /** Our own functions (src/) with everything they call: where a request's time goes, by our code. */
  inclusive: ProfileRow[];
}

/** The bench runs compiled code from node_modules/.cache/changegraph-bench/{src,bench}/: that is our code, not a package. */
const COMPILED = '/node_modules/.cache/changegraph-bench/';
const ours = (url: string) => url.replace(COMPILED, '/');

function area(rawUrl: string, functionName: string): string {
  if (!rawUrl) return functionName.startsWith('(') ? functionName : '(native / V8 builtins)';
  const url = ours(rawUrl);
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:')) return 'node: internals';
  const src = url.indexOf('/src/');
  if (src >= 0) {
    const rest = url.slice(src + 1).split('/');
    return rest.length > 2 ? `${rest[0]}/${rest[1]}/` : rest.join('/');
  }
  return url.replace(/^file:\/\//, '');
}

function shortUrl(rawUrl: string): string {
  const url = ours(rawUrl);
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) return url.slice(modules + '/node_modules/'.length);
  const src = url.indexOf('/src/');
  if (src >= 0) return url.slice(src + 1);
  const bench = url.indexOf('/bench/');
  if (bench >= 0) return url.slice(bench + 1);
  return url;
}

const label = ({ functionName, url, lineNumber }: ProfileNode['callFrame']) =>
  url ? `${functionName || '(anonymous)'} ${shortUrl(url)}${lineNumber > 0 ? `:${lineNumber + 1}` : ''}` : functionName || '(anonymous)';

/**
 * Self time by function and by area, and inclusive time of our own functions, summed over one or
 * more profiles of the same process.
 */
export function summariseProfile(files: string[], top = 25): ProfileSummary {
  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const selfMicros = new Map<number, number>();
    // timeDeltas[i + 1] is the time until the next sample: the time spent in samples[i].
    for (let i = 0; i < profile.samples.length; i++) {
      const delta = profile.timeDeltas[i + 1] ?? 0;
      selfMicros.set(profile.samples[i], (selfMicros.get(profile.samples[i]) ?? 0) + delta);
    }
    for (const [id, micros] of selfMicros) {
      const { functionName, url } = byId.get(id)!.callFrame;
      if (functionName === '(idle)') continue;
      busy += micros;
      const fn = label(byId.get(id)!.callFrame);
      functions.set(fn, (functions.get(fn) ?? 0) + micros);
      const a = area(url, functionName);
      areas.set(a, (areas.get(a) ?? 0) + micros);
      // Each of our functions on this sample's stack, once (recursion must not count twice).
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const frame = byId.get(at)!.callFrame;
        if (!ours(frame.url).includes('/src/')) continue;
        const key = label(frame);
        if (seen.has(key)) continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + micros);
      }
    }
  }
  const rows = (m: Map<string, number>, n: number): ProfileRow[] =>
    [...m]
      .sort((x, y) => y[1] - x[1])
      .slice(0, n)
      .map(([name, micros]) => ({ name, ms: micros / 1000, share: busy ? micros / busy : 0 }));
  return { busyMs: busy / 1000, functions: rows(functions, top), areas: rows(areas, top), inclusive: rows(inclusive, top) };
}
