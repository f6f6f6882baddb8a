import { readFileSync } from "node:fs";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** True while the process runs. A zombie counts as dead: PID 1 of a container may reap orphans late, or never. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else (e.g. OS user postgres seen by a non-root user).
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/** Polls until the process is gone; false when it still runs after timeoutMs. */
export async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/** The parent pid of a running process (from /proc), or undefined. */
export function parentOf(pid: number): number | undefined {
  try {
    const match = /^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
