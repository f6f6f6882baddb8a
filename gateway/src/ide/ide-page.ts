import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { GzippedPage } from "@newsfed/kit/http";
import { exampleTabs } from "./example-operations.js";

export interface IdeOptions {
  /** A token for the write example, prefilled only with the development secret; otherwise a placeholder. */
  developmentToken?: string | undefined;
}

// Runs in a worker thread that ends once the page is made: GraphiQL's inlined bundle is a ~17 MB module whose source
// and rendered page (another ~10 MB) would otherwise stay on the gateway's heap for its whole life.
const RENDER_IN_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { gzipSync } = require("node:zlib");
import(workerData.module).then(({ renderGraphiQL }) => {
  const gzipped = gzipSync(renderGraphiQL(workerData.options));
  parentPort.postMessage(gzipped, [gzipped.buffer]);
});
`;

/**
 * The IDE served at GET /graphql to browsers (Accept: text/html): GraphiQL with completion, docs explorer,
 * variables, headers and history, every script, style and worker inlined in the page, so it works air-gapped.
 * Apollo's default landing page (Sandbox) loads from the internet and is not used. Made once at start, kept gzipped.
 */
export async function renderIdePage(options: IdeOptions = {}): Promise<GzippedPage> {
  const authorization = options.developmentToken ? `Bearer ${options.developmentToken}` : "Bearer <token with officials:write>";
  const workerData = {
    module: pathToFileURL(createRequire(import.meta.url).resolve("@graphql-yoga/render-graphiql")).href,
    options: {
      title: "newsfed · GraphQL IDE",
      endpoint: "/graphql",
      defaultTabs: exampleTabs({ Authorization: authorization }),
      shouldPersistHeaders: true,
      defaultEditorToolsVisibility: "variables",
    },
  };
  const gzipped = await new Promise<Uint8Array>((resolve, reject) => {
    const worker = new Worker(RENDER_IN_WORKER, { eval: true, workerData });
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the IDE page's worker exited (${code}) without a page`)));
  });
  return { gzipped: Buffer.from(gzipped.buffer, gzipped.byteOffset, gzipped.byteLength) };
}
