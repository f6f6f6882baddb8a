import type { Logger } from "../observability/logger.js";

export interface ShutdownOptions {
  /** The stop must be over by then: the process exits anyway (code 1) a little before, as a supervisor would kill it. */
  deadlineMs: number;
  logger?: Logger;
}

export interface Shutdown {
  /** Adds a stop step; steps run one after another, the last added first (close what was opened, in reverse). */
  defer(step: () => Promise<unknown> | unknown): void;
}

/**
 * Call first thing in a service's entry point. When the process is asked to end — SIGTERM, SIGINT, SIGHUP, or its
 * supervisor gone (the IPC channel it was started with closes, even when the supervisor was SIGKILLed) — the
 * deferred steps run once, then the process exits 0. A step that fails, or a second signal, ends the process at once
 * with code 1; a stop that outlives the deadline ends it with SIGKILL. Output that can no longer be delivered (the supervisor is
 * gone) is dropped instead of crashing the stop.
 */
export function onShutdown({ deadlineMs, logger }: ShutdownOptions): Shutdown {
  const steps: (() => Promise<unknown> | unknown)[] = [];
  let stopping = false;
  const begin = (reason: string) => {
    if (stopping) {
      if (reason === "supervisor gone") return; // already stopping; the deadline still holds
      logger?.warn({ reason }, "second stop request: exiting now");
      process.exit(1);
    }
    stopping = true;
    logger?.info({ reason }, "stopping: draining requests in flight");
    setTimeout(
      () => {
        logger?.error({ deadlineMs }, "stop did not finish in time: exiting");
        // Not process.exit(): its exit handlers are what may hang. Nothing can delay SIGKILL.
        process.kill(process.pid, "SIGKILL");
      },
      deadlineMs - Math.min(1_000, deadlineMs / 10),
    );
    void (async () => {
      for (const step of steps.reverse()) await step();
    })().then(
      () => process.exit(0),
      (error: unknown) => {
        logger?.error({ err: error }, "stop failed");
        process.exit(1);
      },
    );
  };
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
  }
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, () => begin(signal));
  if (typeof process.send === "function") {
    if (process.connected) process.on("disconnect", () => begin("supervisor gone"));
    else begin("supervisor gone");
  }
  return { defer: (step) => void steps.push(step) };
}
