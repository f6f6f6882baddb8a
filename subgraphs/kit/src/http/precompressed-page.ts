import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";

const gunzipAsync = promisify(gunzip);

/** An HTML page for browsers, kept only gzipped: the same bytes go to every browser (the IDE's page is ~9 MB raw). */
export interface GzippedPage {
  readonly gzipped: Buffer;
}

const JSON_TYPES = ["application/json", "application/graphql-response+json"];

/**
 * Whether a GET asks for a page rather than a GraphQL answer, as Apollo Server decides for its landing page: the
 * Accept header names text/html, before any JSON type it also names (browsers send `text/html,…,*\/*;q=0.8`).
 */
export function prefersHtml(accept: string | undefined): boolean {
  const types = (accept ?? "")
    .split(",")
    .map((part) => part.split(";"))
    .filter(([, ...params]) => !params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param)))
    .map(([type]) => type!.trim().toLowerCase());
  const html = types.indexOf("text/html");
  return html >= 0 && !types.slice(0, html).some((type) => JSON_TYPES.includes(type));
}

/** Sends the page: gzipped as kept when the browser accepts gzip (all do), else unpacked for this one request. */
export async function sendPage(request: FastifyRequest, reply: FastifyReply, page: GzippedPage): Promise<FastifyReply> {
  reply.header("content-type", "text/html; charset=utf-8");
  reply.header("vary", "accept, accept-encoding");
  if (/\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
    // @fastify/compress leaves a body that already carries a Content-Encoding alone.
    reply.header("content-encoding", "gzip");
    return reply.send(page.gzipped);
  }
  return reply.send(await gunzipAsync(page.gzipped));
}
