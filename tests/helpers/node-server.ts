import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Listens on a free loopback port and resolves with the base URL (for the plain node:http stand-ins of tests). */
export function listenOnFreePort(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

/** Closes a plain node:http server, dropping its idle keep-alive connections. */
export function closeNodeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
