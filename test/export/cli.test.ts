// The `changegraph export` command end to end, as a user runs it (node bin/changegraph.mjs, the
// package's bin) against a gateway over the sandbox: its file is the endpoint's body byte for
// byte; --resume completes a file cut anywhere; an export that fails part way exits non-zero with
// a clear line and leaves a file --resume completes; on a terminal the progress bar advances.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';
import { exportPath, rawGet, seedHistory, UNPACED } from './helpers.js';

const BIN = join(import.meta.dirname, '../../bin/changegraph.mjs');
const DOMAIN = 'cli-history.example';
const dir = mkdtempSync(join(tmpdir(), 'changegraph-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `whileRunning` is called every 20 ms until it exits. */
function cli(args: string[], whileRunning?: () => void): Promise<Run> {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' };
    const child = execFile(process.execPath, [BIN, ...args], { env, maxBuffer: 50_000_000 }, (error, stdout, stderr) => {
      clearInterval(timer);
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    const timer = setInterval(() => whileRunning?.(), 20);
    child.stdin?.end();
  });
}

const file = (name: string) => join(dir, name);
const sizeOf = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

describe('against an unpaced gateway', { timeout: 30_000 }, () => {
  let stack: Stack;
  const endpoint = async (format: string) => (await rawGet(`${stack.url}${exportPath({ domain: DOMAIN, format })}`)).body;
  beforeAll(async () => {
    stack = await startStack({ config: (c) => ({ ...c, export: UNPACED }) });
    seedHistory(stack, DOMAIN, 1500, 3);
  }, 60_000);
  afterAll(() => stack.close());

  it.each(['csv', 'ndjson'])('writes the endpoint’s %s, byte for byte', async (format) => {
    const out = file(`whole.${format}`);
    const run = await cli(['export', DOMAIN, '--format', format, '-o', out, '--url', stack.url]);
    expect(run.stderr).toBe(`Wrote 1500 changes to ${out}\n`);
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(await endpoint(format));
  });

  it.each([
    ['csv', 0.6],
    ['csv', 0.0003],
    ['ndjson', 0.37],
  ])('--resume completes a %s file cut at %d of its length', async (format, fraction) => {
    const out = file(`cut-${fraction}.${format}`);
    const whole = await endpoint(format);
    writeFileSync(out, whole);
    truncateSync(out, Math.floor(Buffer.byteLength(whole) * fraction));
    const run = await cli(['export', DOMAIN, '--format', format, '-o', out, '--resume', '--url', stack.url]);
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(whole);
  });

  it('refusals exit 1 with the gateway’s code; usage errors exit 2', async () => {
    const refused = await cli(['export', DOMAIN, '--since', 'last week', '-o', file('refused.csv'), '--url', stack.url]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^changegraph: error: the gateway refused the export: HTTP 400 BAD_USER_INPUT: Parameter "since" must be an RFC 3339 date-time/,
    );
    const usage = await cli(['export', '--format', 'xml', DOMAIN]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--format must be csv or ndjson/);
  });
});

describe('against a paced gateway (exports that last long enough to fail part way)', { timeout: 30_000 }, () => {
  let stack: Stack;
  beforeAll(async () => {
    // 40 upstream calls a second: the 1500 changes take about two seconds.
    stack = await startStack({ config: (c) => ({ ...c, export: { ...UNPACED, upstreamRps: 40, upstreamRpsPerIdentity: 40 } }) });
    seedHistory(stack, DOMAIN, 1500, 3);
  }, 60_000);
  afterAll(() => stack.close());
  const endpoint = async (format: string) => (await rawGet(`${stack.url}${exportPath({ domain: DOMAIN, format })}`)).body;

  /** Runs the CLI and makes OpenSRS fail once the first changes are in the file. */
  async function failingRun(format: string, out: string): Promise<Run> {
    let armed = false;
    const run = await cli(['export', DOMAIN, '--format', format, '-o', out, '--url', stack.url], () => {
      if (!armed && sizeOf(out) > 0) {
        armed = true;
        stack.sandbox.opensrs.failNext({ httpStatus: 503 }, 10_000);
      }
    });
    stack.sandbox.opensrs.clearFaults();
    expect(armed).toBe(true);
    return run;
  }

  it('NDJSON: exits 1 naming the provider and code; the file holds whole changes and --resume completes it', async () => {
    const out = file('failed.ndjson');
    const run = await failingRun('ndjson', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^changegraph: error: the export stopped early: OPENSRS UPSTREAM_UNAVAILABLE: .+ \((\d+) changes written; run again with --resume to continue\)\n$/,
    );
    const partial = readFileSync(out, 'utf8');
    expect(partial.endsWith('\n')).toBe(true);
    expect(partial).not.toContain('"error"');
    const resumed = await cli(['export', DOMAIN, '--format', 'ndjson', '-o', out, '--resume', '--url', stack.url]);
    expect(resumed.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(await endpoint('ndjson'));
  });

  it('CSV: exits 1 saying the transfer was cut off; the file ends with a whole row and --resume completes it', async () => {
    const out = file('failed.csv');
    const run = await failingRun('csv', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^changegraph: error: the export was cut off after \d+ changes: the gateway aborted the transfer/);
    expect(readFileSync(out, 'utf8').endsWith('\r\n')).toBe(true);
    const resumed = await cli(['export', DOMAIN, '-o', out, '--resume', '--url', stack.url]);
    expect(resumed.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(await endpoint('csv'));
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('on a terminal, shows a progress bar that advances (changes, rate, date reached)', async () => {
    // `script` gives the command a pseudo-terminal; everything it drew comes back on stdout.
    const out = file('progress.csv');
    const since = '2023-11-14T22:13:00Z'; // just before the seeded history's first change
    const command = [process.execPath, BIN, 'export', DOMAIN, '--since', since, '-o', out, '--url', stack.url].map((a) => `'${a}'`).join(' ');
    const run = await new Promise<Run>((resolve) => {
      execFile('script', ['-qfec', command, '/dev/null'], { env: { PATH: process.env.PATH, TERM: 'xterm' } }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(run.code).toBe(0);
    // cli-progress redraws the line in place: split the terminal output at its cursor moves.
    const frames = run.stdout
      .split(/\r|\x1b\[\d*[GK]/)
      .map((s) => /(\S+) ([█░]+) (\d+) changes \| (\d+) changes\/s \| reached (\S+)/.exec(s))
      .filter((m): m is RegExpExecArray => m !== null);
    expect(frames.length).toBeGreaterThanOrEqual(3);
    const counts = frames.map((m) => Number(m[3]));
    const filled = frames.map((m) => (m[2].match(/█/g) ?? []).length);
    for (let i = 1; i < frames.length; i++) {
      expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]);
      expect(filled[i]).toBeGreaterThanOrEqual(filled[i - 1]);
    }
    expect(new Set(counts).size).toBeGreaterThanOrEqual(3);
    expect(counts.at(-1)).toBe(1500);
    expect(filled.at(-1)).toBeGreaterThan(filled[0]);
    expect(frames.at(-1)![1]).toBe(DOMAIN);
    expect(frames.some((m) => Number(m[4]) > 0)).toBe(true);
    expect(frames.at(-1)![5]).toMatch(/^2023-11-1\d$/);
    expect(run.stdout).toContain(`Wrote 1500 changes to ${out}`);
  });
});
