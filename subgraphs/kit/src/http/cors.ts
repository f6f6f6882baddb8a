import fastifyCors from "@fastify/cors";
import type { FastifyInstance } from "fastify";
import { REQUEST_ID_HEADER } from "../observability/request-id.js";

const ALLOWED_HEADERS = [
  "content-type",
  "authorization",
  "apollo-require-preflight",
  "x-apollo-operation-name",
  REQUEST_ID_HEADER,
];

/**
 * CORS for an allow-list of browser origins (`*` allows any). An allowed origin gets the usual headers and its
 * preflights a 204; a preflight from any other origin is refused with 403 and no CORS headers, so the browser never
 * sends the real request. Requests without a preflight (same-origin, curl, servers) are not affected. With an empty
 * list (subgraphs: only the gateway calls them) @fastify/cors is not registered at all: it costs ~20 µs a request.
 */
export async function registerCors(app: FastifyInstance, origins: readonly string[]): Promise<void> {
  const allowed = (origin: string | undefined) => origin !== undefined && (origins.includes("*") || origins.includes(origin));
  app.addHook("onRequest", (request, reply, done) => {
    const preflight = request.method === "OPTIONS" && request.headers["access-control-request-method"] !== undefined;
    if (preflight && !allowed(request.headers.origin)) return void reply.code(403).send();
    done();
  });
  if (origins.length === 0) return;
  await app.register(fastifyCors, {
    // A string answer makes @fastify/cors reflect exactly that origin; false leaves the response without CORS headers.
    origin: (origin, callback) => callback(null, allowed(origin) ? origin! : false),
    methods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: [REQUEST_ID_HEADER],
    maxAge: 600,
  });
}
