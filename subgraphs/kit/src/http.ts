import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { type ApolloServer, type BaseContext, HeaderMap } from "@apollo/server";
import { REQUEST_ID_HEADER, requestIdOf } from "./observability/request-id.js";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface GraphQLHttpOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** Builds the per-request context (loaders, identity) from the incoming request and its request id. */
  context: (req: IncomingMessage, requestId: string) => Promise<TContext>;
  /** Browser origins allowed to call (CORS); none when omitted. `*` allows any. */
  corsOrigins?: readonly string[];
  /** Extra routes keyed "METHOD /path", e.g. "GET /health/live". */
  routes?: Record<string, RouteHandler>;
  graphqlPath?: string;
  /** Request bodies above this size are refused with 413 before parsing. */
  maxBodyBytes?: number;
}

/**
 * A node:http server around Apollo Server (what `startStandaloneServer` does, plus our own routes).
 * It never listens by itself: tests run it in-process or on port 0, entry points call `listen`.
 */
export function createGraphQLHttpServer<TContext extends BaseContext>(options: GraphQLHttpOptions<TContext>): Server {
  const graphqlPath = options.graphqlPath ?? "/graphql";
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("unhandled HTTP error", error);
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: "Internal server error" }] });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const requestId = requestIdOf(req);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    if (applyCors(req, res, options.corsOrigins ?? [])) return;
    const route = options.routes?.[`${req.method} ${url.pathname}`];
    if (route) return route(req, res);
    if (url.pathname !== graphqlPath) return sendJson(res, 404, { error: `No route for ${req.method} ${url.pathname}` });

    const raw = await readBody(req, maxBodyBytes);
    if (raw === undefined) return sendJson(res, 413, { errors: [{ message: `Request body exceeds ${maxBodyBytes} bytes` }] });
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    let body: unknown = raw;
    if (raw.length > 0 && (headers.get("content-type") ?? "").includes("json")) {
      try {
        body = JSON.parse(raw);
      } catch {
        return sendJson(res, 400, {
          errors: [{ message: "Request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }],
        });
      }
    }
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
      context: () => options.context(req, requestId),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      const page =
        (response.headers.get("content-type") ?? "").startsWith("text/html") &&
        /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
      if (page) {
        // The IDE page inlines all of GraphiQL (~9 MB); compressed once, it is sent at about a quarter of that.
        res.setHeader("content-encoding", "gzip");
        res.setHeader("vary", [res.getHeader("vary"), "accept-encoding"].filter(Boolean).join(", "));
        res.end(gzipOnce(response.body.string));
      } else res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

const CORS_HEADERS = "content-type, authorization, apollo-require-preflight, x-apollo-operation-name, x-request-id";

/** Sets CORS headers for an allowed origin; answers a preflight itself (returns true when it did). */
function applyCors(req: IncomingMessage, res: ServerResponse, origins: readonly string[]): boolean {
  const origin = req.headers.origin;
  const allowed = origin !== undefined && (origins.includes("*") || origins.includes(origin));
  if (allowed) {
    res.setHeader("access-control-allow-origin", origin);
    res.setHeader("vary", "Origin");
    res.setHeader("access-control-expose-headers", REQUEST_ID_HEADER);
  }
  if (req.method !== "OPTIONS" || !req.headers["access-control-request-method"]) return false;
  if (allowed) {
    res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
    res.setHeader("access-control-allow-headers", CORS_HEADERS);
    res.setHeader("access-control-max-age", "600");
  }
  res.statusCode = allowed ? 204 : 403;
  res.end();
  return true;
}

let lastPage: { text: string; gzipped: Buffer } | undefined;
function gzipOnce(text: string): Buffer {
  if (lastPage?.text !== text) lastPage = { text, gzipped: gzipSync(text) };
  return lastPage.gzipped;
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(value));
}

/** Listens and resolves with the base URL; port 0 picks a free port (tests). */
export function listen(server: Server, port: number, host = "127.0.0.1"): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      resolve(`http://${host === "0.0.0.0" ? "localhost" : host}:${address.port}`);
    });
  });
}

/** Closes the server, letting in-flight requests finish and dropping idle keep-alive connections. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
