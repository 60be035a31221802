// A thin wrapper around autocannon: runs one load (for a duration or an amount of requests) and
// returns requests/s and latency percentiles. Latencies are collected per response at the
// sub-millisecond resolution autocannon measures them (its own histogram rounds to whole ms, too
// coarse for ratios of a few milliseconds).
import autocannon from 'autocannon';

export interface Target {
  url: string;
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Rebuilds each request (e.g. to sign it); costs load-generator CPU like a real client. */
  setupRequest?: (request: autocannon.Request) => autocannon.Request;
}

export interface LoadOptions {
  connections: number;
  /** Seconds; ignored when `amount` is set. */
  duration?: number;
  amount?: number;
}

export interface Sample {
  /** Completed responses (any status). */
  responses: number;
  /** Requests sent, including those still in flight when the load stopped. */
  sent: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  seconds: number;
  /** Latency of each completed response, ms. */
  latencies: number[];
}

export interface Summary {
  responses: number;
  sent: number;
  non2xx: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
}

export function measure(target: Target, options: LoadOptions): Promise<Sample> {
  const latencies: number[] = [];
  let non2xx = 0;
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        connections: options.connections,
        ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.duration ?? 5 }),
        timeout: 30,
        // autocannon stops at the first sampling tick after the duration: tick every 100 ms, not 1 s.
        sampleInt: 100,
        requests: [
          {
            method: target.method ?? 'GET',
            path: target.path,
            headers: target.headers,
            body: target.body,
            ...(target.setupRequest ? { setupRequest: target.setupRequest } : {}),
          },
        ],
      },
      (error: unknown, result: autocannon.Result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        resolve({ responses: latencies.length, sent: result.requests.sent, non2xx, errors: result.errors, seconds, latencies });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) non2xx++;
    });
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/** Pools the samples of several rounds: total responses over total time, percentiles over all latencies. */
export function summarise(samples: Sample[]): Summary {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const responses = samples.reduce((n, s) => n + s.responses, 0);
  const seconds = samples.reduce((n, s) => n + s.seconds, 0);
  return {
    responses,
    sent: samples.reduce((n, s) => n + s.sent, 0),
    non2xx: samples.reduce((n, s) => n + s.non2xx, 0),
    errors: samples.reduce((n, s) => n + s.errors, 0),
    seconds,
    rps: seconds > 0 ? responses / seconds : 0,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}
