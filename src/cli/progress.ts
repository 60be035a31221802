// The export's progress line on a terminal (cli-progress): changes written, their rate, and the
// date reached so far (exports run newest first). With --since the bar shows how much of the
// span from the newest change back to `since` is done; without it the length is unknown, so the
// line has no bar.
import { Presets, SingleBar } from 'cli-progress';

const SCALE = 1000;

export class Progress {
  private readonly bar: SingleBar;
  private readonly startedAt = performance.now();
  private readonly startCount: number;
  private readonly since?: number;
  private newest?: number;
  private stopped = false;

  constructor(stream: NodeJS.WritableStream, domain: string, initial: number, since?: string) {
    this.startCount = initial;
    const sinceMs = since === undefined ? Number.NaN : Date.parse(since);
    if (!Number.isNaN(sinceMs)) this.since = sinceMs;
    const format = `${domain} ${this.since !== undefined ? '{bar} ' : ''}{changes} changes | {rate} changes/s | reached {reached}`;
    this.bar = new SingleBar({ stream, format, hideCursor: true, barsize: 30, fps: 10 }, Presets.shades_classic);
    this.bar.start(SCALE, 0, { changes: initial, rate: '0', reached: '…' });
  }

  /** `changes`: written so far (resumed ones included); `time`: of the last one (RFC 3339). */
  update(changes: number, time: string): void {
    if (this.stopped) return;
    const at = Date.parse(time);
    this.newest ??= at;
    const seconds = (performance.now() - this.startedAt) / 1000;
    const rate = seconds > 0 ? Math.round((changes - this.startCount) / seconds) : 0;
    const done =
      this.since !== undefined && this.newest > this.since ? Math.min(SCALE, Math.round(((this.newest - at) / (this.newest - this.since)) * SCALE)) : 0;
    this.bar.update(done, { changes, rate: String(rate), reached: time.slice(0, 10) });
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.bar.stop();
  }
}
