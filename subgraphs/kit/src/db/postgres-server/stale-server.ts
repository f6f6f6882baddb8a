import { readFileSync, readlinkSync, realpathSync, rmSync } from "node:fs";
import { join } from "node:path";
import { isAlive, parentOf, waitUntilGone } from "./processes.js";

/** Holds the pid of the process that started the server, so a server whose owner still lives is never taken over. */
export const OWNER_FILE = "embedded.owner";

/**
 * Makes dataDir startable after a run that did not end cleanly: a server left running by a killed owner is shut
 * down (SIGINT, then SIGKILL); the lock file of a dead (or zombie) server is removed. Throws when a live process
 * still owns a server on this directory.
 */
export async function cleanUpStaleServer(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, "postmaster.pid");
  let pid = 0;
  try {
    pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  } catch {
    return;
  }
  if (!pid) return rmSync(pidFile, { force: true });
  let servesThisDir = false;
  try {
    servesThisDir = readlinkSync(`/proc/${pid}/cwd`) === realpathSync(dataDir); // the postmaster chdirs to -D
  } catch {
    // not running, or not ours to inspect
  }
  if (servesThisDir && isAlive(pid)) {
    let owner = 0;
    try {
      owner = Number(readFileSync(join(dataDir, OWNER_FILE), "utf8"));
    } catch {
      // no owner recorded
    }
    if (owner && owner !== process.pid && parentOf(pid) === owner && isAlive(owner)) {
      throw new Error(`${dataDir} is in use by PostgreSQL (pid ${pid}) of running process ${owner}`);
    }
    process.kill(pid, "SIGINT"); // an orphan of a killed run: fast shutdown
    if (!(await waitUntilGone(pid, 10_000))) {
      process.kill(pid, "SIGKILL");
      await waitUntilGone(pid, 5_000);
    }
  }
  if (!servesThisDir || !isAlive(pid)) rmSync(pidFile, { force: true });
}
