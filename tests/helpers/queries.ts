import type { Connection } from "./results.js";

/** The cross-subgraph example from the partner schema contract, verbatim (the gateway plans it at start). */
export { CONTRACT_EXAMPLE } from "@newsfed/gateway";

/** The answer to CONTRACT_EXAMPLE, exactly as it selects it. */
export interface ContractExampleData {
  articles: Connection<{
    headline: string;
    publishedAt: string;
    /** Null only when the officials subgraph is unavailable. */
    officials:
      | {
          displayName: string;
          currentPosition: { title: string; organization: { name: string } | null } | null;
          country: { name: string } | null;
          /** Null only when the policy subgraph is unavailable. */
          initiatives: Connection<{ name: string; acronym: string | null; status: string }> | null;
        }[]
      | null;
    /** Null only when the policy subgraph is unavailable. */
    events:
      | {
          title: string;
          startDate: string;
          location: { name: string } | null;
          outcomes: { statement: string; status: string }[];
        }[]
      | null;
  }>;
}
