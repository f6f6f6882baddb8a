import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** A live process of a stack, read from /proc (Linux). */
export interface StackProcess {
  pid: number;
  command: string;
  /** Its working directory ("" when it cannot be read). */
  cwd: string;
  /** Resident memory, bytes (pages shared with other processes, e.g. PostgreSQL's shared buffers, counted in each). */
  rss: number;
  /** Proportional share of resident memory, bytes (each shared page divided among the processes that map it). */
  pss: number;
}

/**
 * The live processes of one stack: those whose environment holds `marker` (`NEWSFED_STACK=<id>`, inherited by
 * everything the start command runs), or that work in `postgresDir` (PostgreSQL's, which the embedded server starts
 * with an environment of its own). Zombies are left out: they are dead, whoever reaps them. One table for the tests,
 * the fault scripts and the benchmark.
 */
export function stackProcesses(marker: string, postgresDir?: string): StackProcess[] {
  const found: StackProcess[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      if (/^State:\s+Z/m.test(status)) continue;
      let cwd = "";
      try {
        cwd = readlinkSync(`/proc/${entry}/cwd`);
      } catch {
        // not ours to inspect
      }
      const inStack =
        (postgresDir !== undefined && (cwd === postgresDir || cwd.startsWith(`${postgresDir}/`))) ||
        readFileSync(`/proc/${entry}/environ`, "latin1").split("\0").includes(marker);
      if (!inStack) continue;
      found.push({
        pid: Number(entry),
        command: readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ").trim(),
        cwd,
        rss: Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024,
        pss: Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${entry}/smaps_rollup`, "utf8"))?.[1] ?? 0) * 1024,
      });
    } catch {
      // it ended while we looked
    }
  }
  return found;
}
