import { pino, type Logger } from "pino";

export type { Logger };

/** One JSON line per event on stdout, tagged with the service; LOG_LEVEL picks the level (tests run "silent"). */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime });
}
