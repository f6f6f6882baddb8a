import { pino, type Logger } from "pino";

export type { Logger };

/**
 * One JSON line per event on stdout, tagged with the service; LOG_LEVEL picks the level (tests run "silent").
 * Written synchronously: nothing is left in a buffer to flush when the process exits (an exit-time flush to a
 * supervisor that is gone would retry forever), and a line is out before the next one is made.
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination({ dest: 1, sync: true }));
}
