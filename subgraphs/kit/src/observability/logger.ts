import { writeSync } from "node:fs";
import { pino, type Logger } from "pino";

export type { Logger };

/** Lines wait at most this long before they are written (one write for all of them). */
const FLUSH_AFTER_MS = 25;
/** Or until this many characters are waiting. */
const FLUSH_AT_CHARS = 64 * 1024;

/**
 * Standard output written in batches: a line per request would otherwise be a write (a system call, and a wake-up of
 * whoever reads the pipe) per request. Lines wait at most FLUSH_AFTER_MS; each flush is one synchronous write, so
 * nothing is left in a buffer a failing write could retry forever, and the last lines go out at exit. A reader that
 * is gone (EPIPE) costs the lines, never the process.
 */
export class BatchedOutput {
  private waiting: string[] = [];
  private chars = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly fd = 1) {
    process.once("exit", () => this.flush());
  }

  write(line: string): boolean {
    this.waiting.push(line);
    this.chars += line.length;
    if (this.chars >= FLUSH_AT_CHARS) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_AFTER_MS).unref();
    return true;
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.waiting.length === 0) return;
    let data = Buffer.from(this.waiting.join(""));
    this.waiting = [];
    this.chars = 0;
    for (let attempt = 0; data.length > 0 && attempt < 1000; attempt++) {
      try {
        data = data.subarray(writeSync(this.fd, data));
      } catch (error) {
        // A full non-blocking pipe: the reader catches up within moments. Anything else (EPIPE): drop the lines.
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") return;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
      }
    }
  }
}

let stdout: BatchedOutput | undefined;

/**
 * One JSON line per event on stdout, tagged with the service; LOG_LEVEL picks the level (tests run "silent").
 * Written in batches by one synchronous write at most FLUSH_AFTER_MS after a line (BatchedOutput).
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? "info"): Logger {
  stdout ??= new BatchedOutput(1);
  return pino({ level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime }, stdout);
}
