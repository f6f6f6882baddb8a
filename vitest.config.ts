import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(new URL("./tests/package.json", import.meta.url));

export default defineConfig({
  resolve: {
    // Workspace packages export their TypeScript sources under the "source" condition (compiled JavaScript otherwise).
    conditions: ["source"],
    // One graphql module for everyone: otherwise Vite hands ESM importers index.mjs and CommonJS ones index.js,
    // and schemas from one are rejected by the other ("another module or realm").
    alias: { graphql: require.resolve("graphql") },
  },
  ssr: { resolve: { conditions: ["source"] } },
  // The runner of the global setup is its own environment; it resolves workspace packages the same way.
  environments: { __vitest__: { resolve: { conditions: ["source"] } } },
  test: {
    include: ["tests/**/*.test.ts"],
    // The real-PostgreSQL tier runs on its own: `pnpm test:postgres` (needs a server; CI provides one).
    exclude: ["tests/postgres/**", "**/node_modules/**"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    // Embedded PostgreSQL instances take seconds to open and ~0.8 GB each: few files at a time, generous timeouts.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // In-process services log nothing; processes started by end-to-end tests log as in production.
    env: { LOG_LEVEL: "silent" },
  },
});
