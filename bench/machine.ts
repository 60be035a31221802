// The machine a run measured, and how busy it was: CPUs, load averages, and the share of all CPU
// time (from /proc/stat, on Linux) that went to anything at all during the run.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cpus: number;
  cpuMHz: number;
  memoryGiB: number;
  platform: string;
  node: string;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpus: cpus.length,
    cpuMHz: cpus[0]?.speed ?? 0,
    memoryGiB: os.totalmem() / 2 ** 30,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

export function loadAverage(): [number, number, number] {
  const [one, five, fifteen] = os.loadavg();
  return [one, five, fifteen];
}

export interface CpuTimes {
  /** Jiffies spent busy (everything but idle and iowait), over all CPUs. */
  busy: number;
  total: number;
  /** Jiffies per second. */
  hz: number;
}

/** Whole-machine CPU counters, or undefined off Linux. */
export function cpuTimes(): CpuTimes | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already counted in user)
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields;
    const busy = user + nice + system + irq + softirq + (steal ?? 0);
    return { busy, total: busy + idle + (iowait ?? 0), hz: 100 };
  } catch {
    return undefined;
  }
}

/** Busy CPU-seconds of the whole machine between two snapshots. */
export function busySeconds(before: CpuTimes, after: CpuTimes): { busy: number; total: number } {
  return { busy: (after.busy - before.busy) / before.hz, total: (after.total - before.total) / before.hz };
}

/** The commit measured, and how many files under src/ differ from it (the figures are of the working tree). */
export function codeState(): { commit: string; changedSrcFiles: number } | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--', 'src'], { encoding: 'utf8' });
    return { commit, changedSrcFiles: status.split('\n').filter(Boolean).length };
  } catch {
    return undefined;
  }
}
