import type { Readable, Writable } from "node:stream";
import { createInterface } from "node:readline";

/** Copies a child's output line by line (never a line split across chunks), each line prefixed with its name. */
export function prefixLines(input: Readable, name: string, output: Writable): void {
  createInterface({ input, crlfDelay: Infinity }).on("line", (line) => output.write(`[${name}] ${line}\n`));
}
