import { createServer, type AddressInfo } from "node:net";

/** A loopback TCP port nobody listens on right now (the OS picks it; PostgreSQL has no "port 0"). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
