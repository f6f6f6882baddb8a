import { chmodSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { isRoot, type PostgresServer, provisionServiceRoles, startPostgresServer } from "@newsfed/kit/postgres-server";
import { Backoff } from "./backoff.js";
import { loadCredentials } from "./credentials.js";

export const DATABASE = "newsfed";

/**
 * The embedded PostgreSQL server of `pnpm start`: data in DATA_DIR/postgres, loopback only, the database `newsfed`
 * with one role per service that owns the schema of its name and can use nothing else (passwords generated once,
 * kept in DATA_DIR/postgres-credentials.json, mode 0600). Restarted on the same port if it dies.
 */
export class EmbeddedDatabase {
  private server: PostgresServer | undefined;
  private stopping = false;
  private restarting: NodeJS.Timeout | undefined;
  private readonly backoff = new Backoff();

  constructor(
    private readonly options: {
      dataDir: string;
      port: number | undefined;
      sharedBuffers: string | undefined;
      services: readonly string[];
      say: (message: string) => void;
      log: (line: string) => void;
    },
  ) {}

  get pid(): number | undefined {
    return this.server?.pid;
  }

  /** Starts the server, provisions the database and roles; resolves with each service's connection URL. */
  async start(): Promise<Record<string, string>> {
    const { dataDir, services } = this.options;
    mkdirSync(dataDir, { recursive: true });
    // As root the server runs as OS user postgres, who must be able to pass through DATA_DIR (not read it).
    if (isRoot() && (statSync(dataDir).mode & 0o001) === 0) chmodSync(dataDir, statSync(dataDir).mode | 0o001);
    const credentialsFile = join(dataDir, "postgres-credentials.json");
    const credentials = loadCredentials(credentialsFile, services);
    const started = Date.now();
    await this.launch(this.options.port, credentials.superuser);
    try {
      const urls = await provisionServiceRoles(
        this.server!.url,
        DATABASE,
        services.map((service) => ({ schema: service, role: service, password: credentials.roles[service]! })),
      );
      this.options.say(
        `PostgreSQL (embedded) ready on 127.0.0.1:${this.server!.port} in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
          `data in ${join(dataDir, "postgres")}, passwords in ${credentialsFile}`,
      );
      return urls;
    } catch (error) {
      if (/password authentication failed/.test((error as Error).message)) {
        throw new Error(
          `the embedded server's superuser password is not the one in ${credentialsFile} (the file was replaced?): ` +
            `restore it, or delete ${join(dataDir, "postgres")} to start with an empty database`,
        );
      }
      throw error;
    }
  }

  private async launch(port: number | undefined, password: string): Promise<void> {
    const server = await startPostgresServer({
      dataDir: join(this.options.dataDir, "postgres"),
      password,
      port,
      durable: true,
      sharedBuffers: this.options.sharedBuffers,
      onLog: this.options.log,
    });
    this.server = server;
    const startedAt = Date.now();
    void server.exited.then(({ code, signal }) => {
      if (this.stopping || this.server !== server) return;
      const delay = this.backoff.next(Date.now() - startedAt);
      this.options.say(`PostgreSQL exited (${signal ?? `code ${code}`}); restarting in ${delay} ms`);
      this.scheduleRestart(server.port, password, delay);
    });
  }

  private scheduleRestart(port: number, password: string, delay: number): void {
    this.restarting = setTimeout(() => {
      if (this.stopping) return;
      this.launch(port, password).catch((error: Error) => {
        const next = this.backoff.next(0);
        this.options.say(`PostgreSQL could not be restarted (${error.message.split("\n")[0]}); retrying in ${next} ms`);
        this.scheduleRestart(port, password, next);
      });
    }, delay);
  }

  /** Fast shutdown (sessions ended, data safe); SIGKILL after deadlineMs. */
  async stop(deadlineMs: number): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restarting);
    await this.server?.stop(deadlineMs);
  }
}
