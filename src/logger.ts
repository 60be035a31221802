// The gateway's log: one JSON object per line on stdout/stderr. Errors a client caused (a
// GatewayError: bad input, an upstream's refusal) are answered, not logged as failures.
import type { YogaLogger } from 'graphql-yoga';
import { GatewayError } from './errors.js';
import { currentRequestId } from './request-id.js';

const isClientError = (value: unknown) => {
  const original = value instanceof Error && value.name === 'GraphQLError' ? ('originalError' in value ? value.originalError : undefined) : value;
  return original instanceof GatewayError;
};

function describe(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

function line(level: string, args: unknown[]): string {
  const [first, ...rest] = args;
  return JSON.stringify({
    time: new Date().toISOString(),
    level,
    requestId: currentRequestId(),
    msg: typeof first === 'string' ? first : undefined,
    data: typeof first === 'string' ? rest.map(describe) : args.map(describe),
  });
}

export interface GatewayLogger extends YogaLogger {
  /** One flat JSON line: `{time, level, msg, ...fields}` (the request log). */
  event(level: 'debug' | 'info' | 'warn', msg: string, fields: Record<string, unknown>): void;
}

export function createLogger(level: 'debug' | 'info' | 'warn' | 'error' | 'silent' = 'info'): GatewayLogger {
  const order = ['debug', 'info', 'warn', 'error', 'silent'];
  const on = (l: string) => order.indexOf(l) >= order.indexOf(level);
  return {
    event: (l, msg, fields) => {
      if (on(l)) (l === 'warn' ? process.stderr : process.stdout).write(`${JSON.stringify({ time: new Date().toISOString(), level: l, msg, ...fields })}\n`);
    },
    debug: (...args) => on('debug') && process.stdout.write(`${line('debug', args)}\n`),
    info: (...args) => on('info') && process.stdout.write(`${line('info', args)}\n`),
    warn: (...args) => on('warn') && process.stderr.write(`${line('warn', args)}\n`),
    error: (...args) => {
      if (on('error') && !args.every(isClientError)) process.stderr.write(`${line('error', args)}\n`);
    },
  };
}
