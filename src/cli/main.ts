// The `changegraph` command (package.json "bin"). One subcommand so far:
//   changegraph export <domain> [--format csv|ndjson] [-o FILE] [--since T] [--until T]
//                               [--providers VINYLDNS,OPENSRS] [--actor NAME] [--resume] [--url URL]
// It talks to a running gateway over HTTP; it never reads the gateway's own settings.
import { parseArgs } from 'node:util';
import { CliError, runExport } from './export.js';
import type { Format } from './records.js';

const USAGE = `Usage: changegraph export <domain> [options]

Downloads a domain's whole change history (VinylDNS and OpenSRS, merged, newest first) from a
running changegraph gateway, as CSV or NDJSON.

Options:
  --format csv|ndjson   file format (default: csv, or ndjson when FILE ends in .ndjson/.jsonl)
  -o, --output FILE     write to FILE (default: standard output)
  --since TIME          only changes at or after TIME (RFC 3339, e.g. 2026-01-01T00:00:00Z)
  --until TIME          only changes at or before TIME
  --providers LIST      only these providers: VINYLDNS, OPENSRS (comma-separated)
  --actor NAME          only changes made by NAME
  --resume              continue FILE from its last change (same filters as before)
  --url URL             the gateway (default: $CHANGEGRAPH_URL or http://127.0.0.1:4000)
  -q, --quiet           no progress bar
  -h, --help            this help

Environment:
  CHANGEGRAPH_TOKEN                 bearer token for the gateway (GATEWAY_API_TOKENS or a JWT)
  CHANGEGRAPH_VINYLDNS_ACCESS_KEY,
  CHANGEGRAPH_VINYLDNS_SECRET_KEY   your VinylDNS keys, for gateways with VINYLDNS_CREDENTIALS=forward

Exit status: 0 when the whole export was written; 1 when it failed or stopped early (the file
then ends with a whole change: run the same command with --resume); 2 for usage errors.
`;

const DEFAULT_URL = 'http://127.0.0.1:4000';

class UsageError extends Error {}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command !== 'export') throw new UsageError(`unknown command "${command}"`);
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        since: { type: 'string' },
        until: { type: 'string' },
        providers: { type: 'string' },
        actor: { type: 'string' },
        resume: { type: 'boolean', default: false },
        url: { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('give exactly one domain, e.g. changegraph export example.com');
    const format = formatOf(values.format, values.output);
    const headers: Record<string, string> = {};
    if (env.CHANGEGRAPH_VINYLDNS_ACCESS_KEY) headers['x-vinyldns-access-key'] = env.CHANGEGRAPH_VINYLDNS_ACCESS_KEY;
    if (env.CHANGEGRAPH_VINYLDNS_SECRET_KEY) headers['x-vinyldns-secret-key'] = env.CHANGEGRAPH_VINYLDNS_SECRET_KEY;
    const changes = await runExport({
      domain: positionals[0],
      format,
      output: values.output,
      since: values.since,
      until: values.until,
      providers: values.providers,
      actor: values.actor,
      resume: values.resume,
      url: values.url ?? env.CHANGEGRAPH_URL ?? DEFAULT_URL,
      token: env.CHANGEGRAPH_TOKEN,
      headers,
      progress: !values.quiet && process.stderr.isTTY === true,
    });
    if (values.output && values.output !== '-') process.stderr.write(`Wrote ${changes} changes to ${values.output}\n`);
    return 0;
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS'))
    ) {
      process.stderr.write(`changegraph: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof CliError) {
      process.stderr.write(`changegraph: error: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`changegraph: error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function formatOf(format: string | undefined, output: string | undefined): Format {
  if (format === undefined) return output && /\.(ndjson|jsonl)$/i.test(output) ? 'ndjson' : 'csv';
  const lower = format.toLowerCase();
  if (lower !== 'csv' && lower !== 'ndjson') throw new UsageError(`--format must be csv or ndjson, got "${format}"`);
  return lower;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`changegraph: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
