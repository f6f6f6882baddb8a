import type { FastifyError, FastifyInstance } from "fastify";
import type { Logger } from "../observability/logger.js";

/** The body of an HTTP-level refusal, shaped like a GraphQL response so clients read one error format. */
export const graphqlError = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

/**
 * Errors raised before Apollo sees the request (body too large, unparsable JSON, unsupported media type) answer with a
 * GraphQL-style body and their 4xx status; anything else is a bug: logged, answered 500 without details.
 */
export function handleHttpErrors(app: FastifyInstance, logger: Logger, maxBodyBytes: number): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return reply.code(413).send(graphqlError(`Request body exceeds ${maxBodyBytes} bytes`, "PAYLOAD_TOO_LARGE"));
    }
    if (error.code === "FST_ERR_CTP_INVALID_JSON_BODY" || error.code === "FST_ERR_CTP_EMPTY_JSON_BODY") {
      return reply.code(400).send(graphqlError("Request body is not valid JSON", "BAD_REQUEST"));
    }
    if (status >= 400 && status < 500) return reply.code(status).send(graphqlError(error.message, "BAD_REQUEST"));
    logger.error({ err: error, requestId: request.id }, "unhandled HTTP error");
    return reply.code(500).send(graphqlError("Internal server error", "INTERNAL_SERVER_ERROR"));
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: `No route for ${request.method} ${request.url.split("?")[0]}` });
  });
}
