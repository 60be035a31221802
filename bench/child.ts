// The processes of a benchmark run: the sandbox, the gateway, the Apollo peer and the floor proxy
// each run in their own Node process (compiled JavaScript under plain node, see compile.ts), so
// the load generator, the upstream and the servers never share an event loop. Parent and child
// talk over the fork IPC channel:
//   child → parent  { type: 'ready', url, ... }     once it listens
//   parent → child  { id, type: 'stats' }            → { id, type: 'stats', stats }
//   parent → child  { id, type: 'gc' }               → a full GC (with --expose-gc), then stats
//   parent → child  { id, type: 'profile-start' }    → starts the V8 CPU profiler (inspector)
//   parent → child  { id, type: 'profile-stop', file } → writes the .cpuprofile to `file`
//   parent → child  { id, type: 'command', name, arg } → runs one of the child's own commands
//   parent → child  { id, type: 'exit' }             → closes, exits 0
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import v8 from 'node:v8';

export interface ProcessStats {
  pid: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  /** Memory outside the V8 heap that V8 knows of (Buffers and other ArrayBuffers included). */
  external: number;
  /** Of heapTotal, what V8 reserves for the young generation (new space and new large objects). */
  youngReserved: number;
  /** process.cpuUsage() user + system, in microseconds since the process started. */
  cpuMicros: number;
  /** Upstream requests received since start (only the sandbox reports these); zone reads are `GET /zones/{id}`. */
  vinyldnsCalls?: number;
  vinyldnsZoneReads?: number;
  opensrsCalls?: number;
}

export interface ReadyMessage {
  type: 'ready';
  url: string;
  [key: string]: unknown;
}

interface RequestMessage {
  id: number;
  type: 'stats' | 'gc' | 'profile-start' | 'profile-stop' | 'command' | 'exit';
  file?: string;
  name?: string;
  arg?: unknown;
}

interface ReplyMessage {
  id: number;
  type: 'reply';
  stats: ProcessStats;
  result?: unknown;
}

// ---- child side ----

export function ownStats(): ProcessStats {
  const mem = process.memoryUsage();
  const cpu = process.cpuUsage();
  const youngReserved = v8
    .getHeapSpaceStatistics()
    .filter((space) => space.space_name === 'new_space' || space.space_name === 'new_large_object_space')
    .reduce((n, space) => n + space.space_size, 0);
  return {
    pid: process.pid,
    rss: mem.rss,
    heapUsed: mem.heapUsed,
    heapTotal: mem.heapTotal,
    external: mem.external,
    youngReserved,
    cpuMicros: cpu.user + cpu.system,
  };
}

/**
 * Announces readiness to the parent and answers its requests. `extra` adds fields to the stats
 * (e.g. the sandbox's request counts); `close` runs before a requested exit.
 */
export function serveParent(
  ready: ReadyMessage,
  options: { extra?: () => Partial<ProcessStats>; close?: () => Promise<void>; commands?: Record<string, (arg: unknown) => unknown> } = {},
): void {
  if (!process.send) throw new Error('this script is started by bench/run.ts (it needs an IPC channel)');
  const stats = (): ProcessStats => ({ ...ownStats(), ...options.extra?.() });
  const exit = async () => {
    try {
      await options.close?.();
    } finally {
      process.exit(0);
    }
  };
  let profiler: Session | undefined;
  const reply = (id: number) => process.send!({ id, type: 'reply', stats: stats() } satisfies ReplyMessage);
  process.on('message', (raw: unknown) => {
    const msg = raw as RequestMessage;
    switch (msg.type) {
      case 'gc':
        (globalThis as { gc?: () => void }).gc?.();
        reply(msg.id);
        return;
      case 'profile-start':
        profiler = new Session();
        profiler.connect();
        void (async () => {
          await profiler!.post('Profiler.enable');
          await profiler!.post('Profiler.setSamplingInterval', { interval: 200 });
          await profiler!.post('Profiler.start');
          reply(msg.id);
        })();
        return;
      case 'profile-stop':
        void (async () => {
          const { profile } = await profiler!.post('Profiler.stop');
          profiler!.disconnect();
          profiler = undefined;
          writeFileSync(msg.file!, JSON.stringify(profile));
          reply(msg.id);
        })();
        return;
      case 'command': {
        const command = options.commands?.[msg.name ?? ''];
        const result = command ? command(msg.arg) : { error: `no command ${msg.name}` };
        process.send!({ id: msg.id, type: 'reply', stats: stats(), result } satisfies ReplyMessage);
        return;
      }
      case 'exit':
        process.send!({ id: msg.id, type: 'reply', stats: stats() } satisfies ReplyMessage, () => void exit());
        return;
      default:
        reply(msg.id);
    }
  });
  // The runner went away (crashed or was interrupted): do not linger.
  process.on('disconnect', () => void exit());
  process.once('SIGTERM', () => void exit());
  process.once('SIGINT', () => void exit());
  process.send(ready);
}

// ---- parent side ----

export class Child {
  /** Every process forked, ready or not, so that a failed run can kill those still starting. */
  private static readonly forked = new Set<ChildProcess>();

  /** Kills (SIGKILL) every forked process that has not exited. */
  static killStragglers(): void {
    for (const proc of Child.forked) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  }

  private nextId = 1;
  private readonly pending = new Map<number, (reply: ReplyMessage) => void>();
  private exited = false;
  /** The child's last stats, taken as it was asked to exit. */
  finalStats: ProcessStats | undefined;

  private constructor(
    readonly name: string,
    readonly proc: ChildProcess,
    readonly ready: ReadyMessage,
  ) {
    proc.on('message', (raw: unknown) => {
      const msg = raw as ReplyMessage;
      if (msg.type !== 'reply') return;
      this.pending.get(msg.id)?.(msg);
      this.pending.delete(msg.id);
    });
    proc.once('exit', () => {
      this.exited = true;
    });
  }

  get url(): string {
    return this.ready.url;
  }

  get pid(): number {
    return this.proc.pid ?? -1;
  }

  /** Forks a compiled script (an absolute path) under plain node and resolves once it reports that it listens. */
  static async start(name: string, file: string, options: { env?: Record<string, string>; execArgv?: string[]; timeoutMs?: number } = {}): Promise<Child> {
    const started = performance.now();
    const proc = fork(file, [], {
      execArgv: options.execArgv ?? [],
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    Child.forked.add(proc);
    proc.once('exit', () => Child.forked.delete(proc));
    const ready = await new Promise<ReadyMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(new Error(`${name} did not start within ${options.timeoutMs ?? 60_000} ms`));
      }, options.timeoutMs ?? 60_000);
      const onExit = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited with code ${code} before it was ready`));
      };
      proc.once('exit', onExit);
      proc.on('message', function onMessage(raw: unknown) {
        const msg = raw as ReadyMessage;
        if (msg.type !== 'ready') return;
        clearTimeout(timer);
        proc.off('exit', onExit);
        proc.off('message', onMessage);
        resolve(msg);
      });
    });
    const child = new Child(name, proc, ready);
    child.startupMs = performance.now() - started;
    return child;
  }

  /** From fork to the child's "ready" (includes loading every module). */
  startupMs = NaN;

  private async request(type: RequestMessage['type'], extra: Omit<RequestMessage, 'id' | 'type'> = {}): Promise<ReplyMessage> {
    if (this.exited) throw new Error(`${this.name} has exited`);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name} did not answer "${type}"`)), 10_000);
      this.pending.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      this.proc.send({ id, type, ...extra } satisfies RequestMessage);
    });
  }

  async stats(): Promise<ProcessStats> {
    return (await this.request('stats')).stats;
  }

  /** Resident memory in bytes, read from /proc without disturbing the child (Linux); else asks it. */
  async rss(): Promise<number> {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
      if (kb) return Number(kb[1]) * 1024;
    } catch {
      // not Linux, or the process is gone
    }
    return (await this.stats()).rss;
  }

  /** Runs one of the child's commands (see serveParent's `commands`) and returns its result. */
  async command(name: string, arg?: unknown): Promise<unknown> {
    return (await this.request('command', { name, arg })).result;
  }

  /** Runs a full GC first when the child was started with --expose-gc (else a plain stats call). */
  async statsAfterGc(): Promise<ProcessStats> {
    return (await this.request('gc')).stats;
  }

  /** Starts the child's CPU profiler (V8, through the inspector, sampling every 200 µs). */
  async startProfile(): Promise<void> {
    await this.request('profile-start');
  }

  /** Stops it and has the child write the profile to `file`. */
  async stopProfile(file: string): Promise<void> {
    await this.request('profile-stop', { file });
  }

  /** Asks the child to close and exit; kills it if it does not within 10 s. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 10_000);
    try {
      this.finalStats = (await this.request('exit')).stats;
    } catch {
      this.proc.kill('SIGTERM');
    }
    await exited;
    clearTimeout(timer);
  }
}
