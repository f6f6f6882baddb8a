import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** The header that carries one request's id from the client through the gateway to every subgraph and log line. */
export const REQUEST_ID_HEADER = "x-request-id";
const VALID_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The caller's request id when it is a sane one, else a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(given) ? given[0] : given;
  return value && VALID_REQUEST_ID.test(value) ? value : randomUUID();
}
