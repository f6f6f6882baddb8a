import { Agent, createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { drainHttpServer } from "@newsfed/kit/shutdown";
import { describe, expect, it } from "vitest";

describe("drainHttpServer", () => {
  it("answers the request in flight, closes its keep-alive connection after the response, and refuses new ones", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let arrived!: () => void;
    const inFlight = new Promise<void>((resolve) => (arrived = resolve));
    const server = createServer(async (_req, res) => {
      arrived();
      await released;
      res.end("done");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true });
    const response = new Promise<{ status?: number; body: string }>((resolve, reject) => {
      request({ port, host: "127.0.0.1", agent }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode, body }));
      })
        .on("error", reject)
        .end();
    });
    await inFlight;

    let drained = false;
    const draining = drainHttpServer(server).then(() => (drained = true));
    await expect
      .poll(() =>
        fetch(`http://127.0.0.1:${port}/`).then(
          () => "answered",
          () => "refused",
        ),
      )
      .toBe("refused");
    expect(drained).toBe(false); // still answering the request in flight
    release();
    expect(await response).toEqual({ status: 200, body: "done" });
    await draining; // the keep-alive connection did not hold it open
    expect(drained).toBe(true);
    agent.destroy();
  });
});
