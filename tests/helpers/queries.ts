/** The cross-subgraph example from the partner schema contract, verbatim (the gateway plans it at start). */
export { CONTRACT_EXAMPLE } from "@newsfed/gateway";
