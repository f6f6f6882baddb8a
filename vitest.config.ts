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
    exclude: ["**/node_modules/**"],
    // One PostgreSQL server for the run (embedded unless TEST_DATABASE_URL names one) and a seeded template database.
    globalSetup: ["tests/helpers/global-setup.ts"],
    // Two cores: two files at a time (end-to-end files run whole stacks), generous timeouts for a loaded machine.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // In-process services log nothing; processes started by end-to-end tests log as in production.
    env: { LOG_LEVEL: "silent" },
  },
});
