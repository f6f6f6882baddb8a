import { Agent, request } from "node:http";
import { ApolloServer } from "@apollo/server";
import { closeGracefully, createGraphQLServer, currentRequestSignal, type GraphQLHttpServer, listen } from "@newsfed/kit/http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The kit's HTTP server (the gateway's and every subgraph's) around a tiny schema: limits, errors, compression,
// client disconnects and graceful shutdown. Nothing here depends on how fast the machine is.
interface Ctx {
  signal: AbortSignal;
}
const released: (() => void)[] = [];
const abortedInResolver: boolean[] = [];
const typeDefs = `type Query { hello: String!, big: String!, held: String!, watched: String! }`;
const resolvers = {
  Query: {
    hello: () => "world",
    big: () => "x".repeat(5_000),
    // Answers when the test releases it.
    held: () => new Promise<string>((resolve) => released.push(() => resolve("released"))),
    // Never answers by itself; records whether the request's signal (context and scope) aborted.
    watched: (_: unknown, __: unknown, { signal }: Ctx) =>
      new Promise<string>((resolve) => {
        const scoped = currentRequestSignal();
        signal.addEventListener("abort", () => {
          abortedInResolver.push(signal.aborted && scoped === signal);
          resolve("nobody reads this");
        });
      }),
  },
};

async function start(): Promise<{ app: GraphQLHttpServer; url: string; apollo: ApolloServer<Ctx> }> {
  const apollo = new ApolloServer<Ctx>({ typeDefs, resolvers, csrfPrevention: false });
  await apollo.start();
  const app = await createGraphQLServer<Ctx>({ apollo, context: async (_req, { signal }) => ({ signal }) });
  return { app, apollo, url: await listen(app, 0) };
}

/** A raw HTTP/1.1 request on a given agent, so keep-alive and encodings are exactly what the test says. */
function send(url: string, body: string, options: { agent?: Agent; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(
      `${url}/graphql`,
      { method: "POST", agent: options.agent, headers: { "content-type": "application/json", ...options.headers } },
      (res) => {
        let text = "";
        res.setEncoding("latin1");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe("the kit's HTTP server", () => {
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    await closeGracefully(server?.app);
    await server?.apollo.stop();
  });

  it("refuses a body over 1 MB with 413 and invalid JSON with 400, both as GraphQL errors", async () => {
    const large = await send(server.url, JSON.stringify({ query: "{ hello }", variables: { pad: "x".repeat(1_100_000) } }));
    expect(large.status).toBe(413);
    expect(JSON.parse(large.body).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
    const broken = await send(server.url, '{"query": "{ hello }"');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toEqual({
      errors: [{ message: "Request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }],
    });
  });

  it("compresses answers above 1 KB only", async () => {
    const headers = { "accept-encoding": "gzip" };
    const small = await send(server.url, JSON.stringify({ query: "{ hello }" }), { headers });
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(small.body)).toEqual({ data: { hello: "world" } });
    const large = await send(server.url, JSON.stringify({ query: "{ big }" }), { headers });
    expect(large.headers["content-encoding"]).toBe("gzip");
  });

  it("answers unknown paths with a JSON 404 and echoes a sane request id", async () => {
    const response = await fetch(`${server.url}/nowhere`, { headers: { "x-request-id": "abc-123" } });
    expect(response.status).toBe(404);
    expect(response.headers.get("x-request-id")).toBe("abc-123");
    expect(await response.json()).toEqual({ error: "No route for GET /nowhere" });
  });

  it("aborts the request's signal (in the context and the request scope) when the client disconnects", async () => {
    const controller = new AbortController();
    const pending = fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ watched }" }),
      signal: controller.signal,
    }).catch(() => "aborted");
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    expect(await pending).toBe("aborted");
    await until(() => abortedInResolver.length > 0);
    expect(abortedInResolver).toEqual([true]);
  });
});

describe("graceful close", () => {
  it("lets an in-flight request finish, then ends its kept-alive connection instead of waiting for the idle timeout", async () => {
    const { app, url, apollo } = await start();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      await send(url, JSON.stringify({ query: "{ hello }" }), { agent }); // opens the kept-alive socket
      const inFlight = send(url, JSON.stringify({ query: "{ held }" }), { agent });
      await until(() => released.length > 0);
      // A deadline far beyond the test timeout: close() must finish because the connection ends, not because it is cut.
      const closing = closeGracefully(app, 600_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
      released.shift()!();
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({ data: { held: "released" } });
      expect(answer.headers.connection).toBe("close");
      await closing;
      await expect(fetch(`${url}/graphql`)).rejects.toThrow();
    } finally {
      agent.destroy();
      await apollo.stop();
    }
  });

  it("cuts requests still running at the deadline", async () => {
    const { app, url, apollo } = await start();
    const hung = send(url, JSON.stringify({ query: "{ held }" })).then(
      () => "answered",
      () => "cut",
    );
    await until(() => released.length > 0);
    await closeGracefully(app, 100);
    expect(await hung).toBe("cut");
    released.shift()!();
    await apollo.stop();
  });
});
