import type { FastifyInstance } from "fastify";

/**
 * Once close() has begun, every response says `Connection: close`. Without it, the kept-alive socket of a request
 * that was in flight at close time stays open after its answer (Node closes idle sockets only once, when close()
 * starts), and close() waits for the deadline or the 72 s keep-alive timeout. The gateway's pooled connections to the
 * subgraphs are exactly such sockets.
 */
export function closeConnectionsWhileClosing(app: FastifyInstance): void {
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (closing) reply.header("connection", "close");
    done(null, payload);
  });
}

/**
 * Stops the server gracefully: new connections are refused, idle keep-alive sockets closed, requests in flight finish
 * (answers sent during close end their connection); whatever is still running after `deadlineMs` is cut off. Resolves
 * when every connection is gone. Stops only HTTP: stop Apollo and the database after it.
 */
export async function closeGracefully(app: FastifyInstance, deadlineMs = 10_000): Promise<void> {
  const deadline = setTimeout(() => app.server.closeAllConnections(), deadlineMs);
  try {
    await app.close();
  } finally {
    clearTimeout(deadline);
  }
}
