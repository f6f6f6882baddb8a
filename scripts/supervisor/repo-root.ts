import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (where pnpm-workspace.yaml is), from the sources and from the compiled scripts/dist alike. */
export function repoRoot(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dir === dirname(dir)) throw new Error(`no pnpm-workspace.yaml above ${from}`);
  }
}
