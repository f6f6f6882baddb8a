import type { Server } from "node:http";

/**
 * Stops accepting connections and resolves once every request in flight has been answered: idle keep-alive
 * connections are closed at once, busy ones as soon as their response is sent (so a client holding a connection
 * open cannot delay the stop).
 */
export function drainHttpServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}
