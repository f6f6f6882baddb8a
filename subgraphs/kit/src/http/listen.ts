import type { FastifyInstance } from "fastify";

/** Listens and resolves with the base URL; port 0 picks a free port (tests). */
export async function listen(app: FastifyInstance, port: number, host = "127.0.0.1"): Promise<string> {
  await app.listen({ port, host });
  const address = app.server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  return `http://${host === "0.0.0.0" ? "localhost" : host}:${bound}`;
}
