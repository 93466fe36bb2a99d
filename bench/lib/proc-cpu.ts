/**
 * @module
 * The CPU time any process has spent, read from outside it: `utime + stime` of `/proc/<pid>/stat` (Linux), the
 * same user + system time `process.cpuUsage()` reports from inside a Node process, counted over all its
 * threads. For servers that cannot answer the benchmark's `cpu` queries on stdin (json-server, Prism), so that
 * their CPU per request is sampled around each round like server-lite's.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

let ticksPerSecond: number | undefined;

/**
 * Clock ticks per second, the unit of `/proc/<pid>/stat`'s times (`getconf CLK_TCK`; 100 on almost every
 * Linux system, used when `getconf` is missing).
 * @default 100
 */
export function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    const answer = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim());
    ticksPerSecond = Number.isInteger(answer) && answer > 0 ? answer : 100;
  }
  return ticksPerSecond;
}

/**
 * User + system CPU time of `pid` so far, in microseconds (resolution: one clock tick, 10 ms at 100 Hz, so
 * sample it around rounds of a second or more).
 * @throws when the process does not exist or `/proc` is not there (not Linux).
 * @example const before = processCpuMicros(child.pid!); ...; const spent = processCpuMicros(child.pid!) - before;
 */
export function processCpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
  // After it come state (field 3), ..., utime (14) and stime (15).
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[14 - 3]) + Number(fields[15 - 3]);
  if (!Number.isFinite(ticks)) throw new Error(`/proc/${pid}/stat: no CPU times in ${JSON.stringify(stat)}`);
  return (ticks * 1_000_000) / clockTicksPerSecond();
}
