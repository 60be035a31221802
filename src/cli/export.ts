// `changegraph export <domain>`: downloads GET /export/changes of a running gateway into a file (or
// stdout), writing whole changes only, so an interrupted download leaves a file `--resume` can
// complete. Exit status 0 only when the export arrived whole.
import { createWriteStream } from 'node:fs';
import { truncate } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isRecord, optionalString } from '../model/guards.js';
import { Progress } from './progress.js';
import { RecordSplitter, recordError, recordTime, type Format } from './records.js';
import { resumePoint } from './resume.js';

export interface ExportCommand {
  domain: string;
  format: Format;
  /** Undefined or '-': stdout. */
  output?: string;
  since?: string;
  until?: string;
  providers?: string;
  actor?: string;
  resume: boolean;
  /** The gateway's base URL, e.g. http://127.0.0.1:4000. */
  url: string;
  /** Bearer token for the gateway (CHANGEGRAPH_TOKEN). */
  token?: string;
  /** Extra request headers (forwarded VinylDNS keys). */
  headers: Record<string, string>;
  /** Show the progress bar (stderr is a terminal and not --quiet). */
  progress: boolean;
}

export class CliError extends Error {}

/** Runs the export; resolves with the number of changes in the output, or throws CliError. */
export async function runExport(cmd: ExportCommand, stderr: NodeJS.WritableStream = process.stderr): Promise<number> {
  const toFile = cmd.output !== undefined && cmd.output !== '-';
  if (cmd.resume && !toFile) throw new CliError('--resume needs an output file (-o FILE)');
  let written = 0;
  let skipHeader = false;
  let after: string | undefined;
  if (cmd.resume) {
    const point = await resumePoint(cmd.output!, cmd.format);
    await truncate(cmd.output!, point.keep).catch(() => undefined);
    written = point.changes;
    after = point.after;
    skipHeader = point.hasHeader;
    if (point.changes > 0) stderr.write(`Resuming after change ${point.changes} of ${cmd.output}\n`);
  }

  const res = await get(exportUrl(cmd, after), { accept: '*/*', ...(cmd.token ? { authorization: `Bearer ${cmd.token}` } : {}), ...cmd.headers });
  if (res.statusCode !== 200) throw new CliError(await describeRefusal(res));

  const file = toFile ? createWriteStream(cmd.output!, { flags: cmd.resume ? 'a' : 'w' }) : undefined;
  const out: NodeJS.WritableStream = file ?? process.stdout;
  const progress = cmd.progress ? new Progress(stderr, cmd.domain, written, cmd.since) : undefined;
  const splitter = new RecordSplitter(cmd.format);
  let failure: ReturnType<typeof recordError>;
  res.setEncoding('utf8');
  try {
    const complete = await new Promise<boolean>((resolve, reject) => {
      res.on('data', (chunk: string) => {
        let text = '';
        for (const record of splitter.push(chunk)) {
          if (skipHeader) {
            skipHeader = false;
            continue;
          }
          skipHeader = false;
          const error = recordError(cmd.format, record);
          if (error) {
            failure = error;
            continue;
          }
          text += record;
          const time = recordTime(cmd.format, record);
          if (time !== undefined) {
            written++;
            progress?.update(written, time);
          }
        }
        // A slow disk slows the download (and so the gateway's reads).
        if (text !== '' && !out.write(text)) {
          res.pause();
          out.once('drain', () => res.resume());
        }
      });
      res.on('end', () => resolve(res.complete));
      res.on('error', () => resolve(false));
      res.on('aborted', () => resolve(false));
      out.on('error', reject);
    });
    progress?.stop();
    if (failure) {
      const where = failure.provider ? `${failure.provider} ` : '';
      throw new CliError(
        `the export stopped early: ${where}${failure.code ?? 'ERROR'}: ${failure.message ?? 'unknown error'} (${written} changes written; run again with --resume to continue)`,
      );
    }
    if (!complete || splitter.remainder !== '') {
      const requestId = res.headers['x-request-id'];
      throw new CliError(
        `the export was cut off after ${written} changes: the gateway aborted the transfer (an upstream failed, see its log for request ${String(requestId ?? '?')}) or the connection broke; run again with --resume to continue`,
      );
    }
    return written;
  } finally {
    progress?.stop();
    if (file) await new Promise<void>((resolve) => file.end(() => resolve()));
  }
}

function exportUrl(cmd: ExportCommand, after: string | undefined): URL {
  const url = new URL('/export/changes', cmd.url.endsWith('/') ? cmd.url : `${cmd.url}/`);
  url.searchParams.set('domain', cmd.domain);
  url.searchParams.set('format', cmd.format);
  for (const [name, value] of [
    ['providers', cmd.providers],
    ['since', cmd.since],
    ['until', cmd.until],
    ['actor', cmd.actor],
    ['after', after],
  ] as const) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url;
}

function get(url: URL, headers: Record<string, string>): Promise<IncomingMessage> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, resolve);
    req.on('error', (error) => reject(new CliError(`cannot reach the gateway at ${url.origin}: ${(error as NodeJS.ErrnoException).code ?? error.message}`)));
    req.end();
  });
}

async function describeRefusal(res: IncomingMessage): Promise<string> {
  let body = '';
  res.setEncoding('utf8');
  for await (const chunk of res) body += String(chunk);
  let detail = body.slice(0, 300);
  try {
    const error = firstError(JSON.parse(body));
    if (error) detail = `${error.provider ? `${error.provider} ` : ''}${error.code ?? 'ERROR'}: ${error.message ?? ''}`;
  } catch {
    // Not our JSON (a proxy's page): show its start.
  }
  const retry = res.headers['retry-after'] ? ` (retry after ${res.headers['retry-after']} s)` : '';
  return `the gateway refused the export: HTTP ${res.statusCode} ${detail}${retry}`;
}

/** The first GraphQL error of a refusal's body (`{ errors: [{ message, extensions: { code, provider } }] }`). */
function firstError(body: unknown): { message?: string; code?: string; provider?: string } | undefined {
  const error: unknown = isRecord(body) && Array.isArray(body.errors) ? body.errors[0] : undefined;
  if (!isRecord(error)) return undefined;
  const extensions = isRecord(error.extensions) ? error.extensions : {};
  return { message: optionalString(error.message), code: optionalString(extensions.code), provider: optionalString(extensions.provider) };
}
