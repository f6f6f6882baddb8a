import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** PostgreSQL refuses to run as root: as root the server runs as OS user `postgres` (created when missing). */
export const isRoot = (): boolean => process.getuid?.() === 0;

export interface OsUser {
  uid: number;
  gid: number;
}

/** The OS user `postgres`, or undefined when it does not exist (yet). */
export function postgresOsUser(): OsUser | undefined {
  try {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: "pipe" }));
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    return undefined;
  }
}

/**
 * As root, the server's user must be able to reach its data directory: every parent directory needs search (x)
 * permission for it. Throws naming the first directory that lacks it (e.g. /root, or a mkdtemp directory, mode 0700).
 */
export function assertReachable(dir: string, user: OsUser): void {
  for (let current = dirname(resolve(dir)); ; current = dirname(current)) {
    const stat = statSync(current, { throwIfNoEntry: false });
    if (stat) {
      const bit = stat.uid === user.uid ? 0o100 : stat.gid === user.gid ? 0o010 : 0o001;
      if ((stat.mode & bit) === 0) {
        throw new Error(
          `the embedded PostgreSQL server runs as OS user postgres, which cannot reach ${dir}: ` +
            `${current} is not searchable for it (chmod o+x ${current}, or choose another DATA_DIR)`,
        );
      }
    }
    if (current === dirname(current)) return;
  }
}
