import { type ChildProcess, spawn } from "node:child_process";
import { Backoff } from "./backoff.js";
import { waitUntilHealthy } from "./health.js";
import { prefixLines } from "./prefixed-output.js";

export interface ServiceSpec {
  name: string;
  /** Compiled entry point (JavaScript), absolute. */
  entry: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  healthUrl: string;
}

/**
 * Node's flags for every service process (the bench runs its extra gateway with them too). Source maps keep stack
 * traces in the TypeScript sources. V8 lets the old generation grow to ~2.5× the data it keeps before collecting it;
 * under load each service then holds mostly garbage (the gateway: 45 MB kept, up to 125 MB of heap). Growing by 50%
 * kept the default stack ~100 MB smaller right after the benchmark load at 100,000 articles (1,020–1,070 → 910–950 MiB,
 * three runs each), with no more CPU per request measured: full collections of heaps this size run mostly
 * concurrently.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ["--enable-source-maps", "--heap-growing-percent=50"];

/**
 * One service process under supervision. It runs in its own process group (a terminal's Ctrl-C reaches only the
 * supervisor, which stops services in order) with an IPC channel to the supervisor, which it watches: when the
 * supervisor is gone, even SIGKILLed, the channel closes and the service stops itself. After `keepAlive()`, a crash
 * is followed by a restart with back-off.
 */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private lastExit: string | undefined;
  private restarting: NodeJS.Timeout | undefined;
  private restartOnCrash = false;
  private stopping = false;
  private readonly backoff = new Backoff();

  constructor(
    private readonly spec: ServiceSpec,
    private readonly say: (message: string) => void,
  ) {}

  get name(): string {
    return this.spec.name;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    const startedAt = Date.now();
    const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, this.spec.entry], {
      cwd: this.spec.cwd,
      env: this.spec.env,
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      detached: true,
    });
    this.child = child;
    this.lastExit = undefined;
    prefixLines(child.stdout!, this.spec.name, process.stdout);
    prefixLines(child.stderr!, this.spec.name, process.stderr);
    this.exited = new Promise((resolve) => {
      child.once("error", (error) => this.say(`${this.spec.name} could not be started: ${error.message}`));
      child.once("exit", (code, signal) => {
        this.lastExit = signal ?? `code ${code}`;
        if (this.child === child) this.child = undefined;
        resolve();
        if (this.stopping || !this.restartOnCrash) return;
        const delay = this.backoff.next(Date.now() - startedAt);
        this.say(`${this.spec.name} exited (${this.lastExit}); restarting in ${delay} ms`);
        this.restarting = setTimeout(() => {
          this.restarting = undefined;
          if (!this.stopping) this.start();
        }, delay);
      });
    });
    this.say(`${this.spec.name} started (pid ${child.pid})`);
  }

  /** From now on, restart the service whenever it dies. */
  keepAlive(): void {
    this.restartOnCrash = true;
  }

  /** Resolves once the service answers its health check; rejects if it dies first (before keepAlive) or takes too long. */
  waitUntilHealthy(timeoutMs: number, cancelled: () => boolean): Promise<void> {
    return waitUntilHealthy(this.spec.healthUrl, {
      timeoutMs,
      abandon: () =>
        cancelled()
          ? "stopping"
          : !this.child && !this.restartOnCrash
            ? `${this.spec.name} exited (${this.lastExit}) before it was ready`
            : undefined,
    }).catch((error: Error) => {
      throw new Error(`${this.spec.name}: ${error.message}`);
    });
  }

  /** SIGTERM (the service drains and exits), SIGKILL if it is still there after deadlineMs. No restart afterwards. */
  async stop(deadlineMs: number): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restarting);
    const child = this.child;
    if (!child) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => {
      this.say(`${this.spec.name} did not stop within ${deadlineMs} ms: killing it`);
      child.kill("SIGKILL");
    }, deadlineMs);
    await this.exited;
    clearTimeout(timer);
  }
}
