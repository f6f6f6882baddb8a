import { gzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";

/**
 * The IDE page inlines all of GraphiQL (~9 MB) and never changes while the process runs: it is gzipped once and the
 * same bytes are sent to every browser that accepts gzip (@fastify/compress leaves a body that already carries a
 * Content-Encoding alone). Register in the scope of the route that serves the page.
 */
export function precompressHtml(scope: FastifyInstance): void {
  let cached: { page: string; gzipped: Buffer } | undefined;
  scope.addHook("onSend", (request, reply, payload, done) => {
    const html = typeof payload === "string" && String(reply.getHeader("content-type") ?? "").startsWith("text/html");
    if (!html || !/\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) return done(null, payload);
    if (cached?.page !== payload) cached = { page: payload, gzipped: gzipSync(payload) };
    reply.header("content-encoding", "gzip");
    reply.header("vary", [reply.getHeader("vary"), "accept-encoding"].filter(Boolean).join(", "));
    done(null, cached.gzipped);
  });
}
