// Hive Gateway's configuration for `pnpm bench`: it serves the committed supergraph unchanged and only points each
// subgraph (the @join__graph names) at the benchmark's running subgraphs. HIVE_DEDUPE=false turns off its in-flight
// deduplication of identical subgraph requests (on by default).
import { defineConfig } from "@graphql-hive/gateway";

const need = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

export const gatewayConfig = defineConfig({
  transportEntries: {
    articles: { location: need("HIVE_ARTICLES_URL") },
    officials: { location: need("HIVE_OFFICIALS_URL") },
    policy: { location: need("HIVE_POLICY_URL") },
    ...(process.env.HIVE_DEDUPE === "false" ? { "*.http": { options: { deduplicateInflightRequests: false } } } : {}),
  },
});
