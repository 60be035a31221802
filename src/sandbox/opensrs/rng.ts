// Deterministic randomness for the OpenSRS seed data (xorshift32 over a hashed seed). Nothing
// here reads Math.random or the clock, so one seed always gives the same data.
import { createHash } from 'node:crypto';

export class SeededRandom {
  private state: number;

  /** `label` gives each domain its own stream, so adding a domain does not reshuffle the others. */
  constructor(seed: number, label: string) {
    this.state = createHash('sha256').update(`opensrs-sandbox:${seed}:${label}`).digest().readUInt32LE(0) || 0x9e3779b9;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: `[[weight, value], …]`. */
  weighted<T>(table: ReadonlyArray<readonly [number, T]>): T {
    const total = table.reduce((sum, [w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [w, value] of table) {
      if ((r -= w) < 0) return value;
    }
    return table[table.length - 1][1];
  }
}
