/**
 * CPU time that the Chromium processes this benchmark started have used, read from /proc
 * (Linux; elsewhere `null`). On a shared, loaded machine the wall-clock time of a page load
 * swings with everyone else's work; the CPU time it costs much less so.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Milliseconds of user + system time so far, per Chromium process: its type (browser, gpu-process, renderer, utility…) and time. */
export type CpuSample = Map<number, { type: string; ms: number }>;

export interface CpuUse {
  /** Milliseconds of user + system time, by Chromium process type. */
  byType: Record<string, number>;
  total: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function stat(pid: string): { ppid: number; ms: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), ms: (Number(f[11]) + Number(f[12])) * TICK_MS };
  } catch {
    return null;
  }
}

/** CPU used so far by the Chromium processes below this Node process, or null without /proc. */
export function chromiumCpu(): CpuSample | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  const stats = new Map<number, { ppid: number; ms: number }>();
  for (const pid of pids) {
    const s = stat(pid);
    if (s) stats.set(Number(pid), s);
  }
  const mine = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, s] of stats) {
      if (mine.has(pid) || !mine.has(s.ppid)) continue;
      mine.add(pid);
      grew = true;
    }
  }
  const out: CpuSample = new Map();
  for (const pid of mine) {
    if (pid === process.pid) continue;
    let cmd: string;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!/chrom/i.test(cmd.split('\0')[0] ?? '')) continue;
    const type = /--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser';
    out.set(pid, { type, ms: stats.get(pid)!.ms });
  }
  return out;
}

/** What was used between two samples, by process type (a process that ended in between is not counted). */
export function cpuSince(before: CpuSample | null, after: CpuSample | null): CpuUse | null {
  if (!before || !after) return null;
  const byType: Record<string, number> = {};
  let total = 0;
  for (const [pid, { type, ms }] of after) {
    const used = ms - (before.get(pid)?.ms ?? 0);
    byType[type] = (byType[type] ?? 0) + used;
    total += used;
  }
  return { byType, total };
}
