import { type ChildProcess, execSync, spawn } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { createServer } from "node:net";

/** Ticks per second of /proc's utime and stime. */
const HZ = Number(execSync("getconf CLK_TCK").toString().trim());

/**
 * CPU seconds (user + system) a process has used so far; 0 once it is gone. With `children`, also what its exited
 * children used (PostgreSQL's postmaster: backends that ended, e.g. when a pool closed an idle connection).
 */
export function cpuSeconds(pid: number, children = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const own = Number(fields[11]) + Number(fields[12]);
    return (children ? own + Number(fields[13]) + Number(fields[14]) : own) / HZ;
  } catch {
    return 0;
  }
}

export interface Memory {
  rss: number;
  pss: number;
}

/** Resident memory and its proportional share, bytes (shared pages, e.g. PostgreSQL's buffers, count in each RSS). */
export function memoryOf(pid: number): Memory {
  try {
    const rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
    const pss = Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? 0) * 1024;
    return { rss, pss };
  } catch {
    return { rss: 0, pss: 0 };
  }
}

/** Free TCP ports on loopback: from `base` upwards when given, else whatever the OS hands out. */
export class Ports {
  private next: number | undefined;
  constructor(base?: number) {
    this.next = base;
  }

  async take(): Promise<number> {
    for (;;) {
      const port = this.next === undefined ? 0 : this.next++;
      const got = await new Promise<number | undefined>((resolve) => {
        const server = createServer();
        server.once("error", () => resolve(undefined));
        server.listen(port, "127.0.0.1", () => {
          const { port: bound } = server.address() as { port: number };
          server.close(() => resolve(bound));
        });
      });
      if (got !== undefined) return got;
      if (this.next === undefined) throw new Error("no free port");
    }
  }
}

/** A child in its own process group whose output goes to a log file (never into this process's memory). */
export function spawnLogged(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; log: string }) {
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = createWriteStream(options.log, { flags: "a" });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, log };
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  failed?: () => string | undefined,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const failure = failed?.();
    if (failure) throw new Error(`${what}: ${failure}`);
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
