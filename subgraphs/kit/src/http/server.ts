import type { IncomingMessage } from "node:http";
import type { ApolloServer, BaseContext } from "@apollo/server";
import { fastifyApolloHandler } from "@as-integrations/fastify";
import fastifyCompress from "@fastify/compress";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from "fastify";
import { createLogger, type Logger } from "../observability/logger.js";
import { REQUEST_ID_HEADER, requestIdOf } from "../observability/request-id.js";
import { type RequestScope, requestScope } from "../request-scope.js";
import { requestScopeOf } from "./client-gone.js";
import { registerCors } from "./cors.js";
import { handleHttpErrors } from "./errors.js";
import { closeConnectionsWhileClosing } from "./graceful-close.js";
import { type GzippedPage, prefersHtml, sendPage } from "./precompressed-page.js";

/** The HTTP server of a service: a Fastify instance (listen with `listen`, stop with `closeGracefully`). */
export type GraphQLHttpServer = FastifyInstance;

/** An extra route (health, metrics, schema): answer with `reply`, or return a value to send it as JSON. */
export type RouteHandler = (request: FastifyRequest, reply: FastifyReply) => unknown;

export interface GraphQLServerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** Builds the per-request context (loaders, identity) from the incoming request and its scope (id, abort signal). */
  context: (req: IncomingMessage, scope: RequestScope) => Promise<TContext>;
  /** Browser origins allowed to call (CORS); none when omitted. `*` allows any. */
  corsOrigins?: readonly string[];
  /** The page a browser gets on GET `graphqlPath` (the IDE); without one, Apollo Server answers browsers too. */
  browserPage?: GzippedPage | undefined;
  /** Extra routes keyed "METHOD /path", e.g. "GET /health/live". */
  routes?: Record<string, RouteHandler>;
  graphqlPath?: string;
  /** Request bodies above this size are refused with 413 before parsing. */
  maxBodyBytes?: number;
  logger?: Logger;
}

/**
 * A Fastify server around Apollo Server: GraphQL on GET/POST `graphqlPath`, the extra routes, CORS, request ids,
 * compression of large answers, GraphQL-style 4xx bodies. It never listens by itself: entry points call `listen`,
 * tests use port 0, and `closeGracefully` stops it.
 */
export async function createGraphQLServer<TContext extends BaseContext>(
  options: GraphQLServerOptions<TContext>,
): Promise<GraphQLHttpServer> {
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const logger = options.logger ?? createLogger("http");
  const app = Fastify({
    loggerInstance: logger,
    // One log line per GraphQL operation comes from the observability plugin; Fastify's per-request lines would double it.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: "requestId" }),
    // The caller's id when it is a sane one, else a fresh one (Fastify's own header option would keep any value).
    requestIdHeader: false,
    genReqId: requestIdOf,
    bodyLimit: maxBodyBytes,
    // Above the gateway's pooled-connection idle timeout (10 s), so the subgraph never closes a socket the gateway is
    // about to reuse; also Fastify's default.
    keepAliveTimeout: 72_000,
    // Time to receive a whole request (not to answer it): a slowloris guard.
    requestTimeout: 30_000,
  }) as unknown as FastifyInstance;

  app.addHook("onRequest", (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  closeConnectionsWhileClosing(app);
  await registerCors(app, options.corsOrigins ?? []);
  // Small GraphQL answers go out as they are; compressing them costs more than it saves. Request bodies are never
  // decompressed: a gzip bomb would get past the body limit's byte count on the wire.
  await app.register(fastifyCompress, { threshold: 1024, encodings: ["br", "gzip"], globalDecompression: false });
  handleHttpErrors(app, logger, maxBodyBytes);

  for (const [key, handler] of Object.entries(options.routes ?? {})) {
    const [method, url] = key.split(" ");
    app.route({ method: method as "GET", url: url!, handler: handler as never });
  }

  const graphql = fastifyApolloHandler<TContext>(options.apollo, {
    context: async (request) => options.context(request.raw, requestScope.getStore()!),
  });
  const page = options.browserPage;
  app.route({
    method: ["GET", "POST"],
    url: options.graphqlPath ?? "/graphql",
    handler(request, reply) {
      if (page && request.method === "GET" && prefersHtml(request.headers.accept)) return sendPage(request, reply, page);
      // Everything the operation does (subgraph fetches, SQL statements) runs in the request's scope, so it can be
      // cancelled when the client goes away.
      return requestScope.run(requestScopeOf(request.id, reply.raw), () => graphql.call(this, request as never, reply as never));
    },
  });
  return app;
}
