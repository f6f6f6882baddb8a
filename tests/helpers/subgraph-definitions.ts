import { SUBGRAPH_DEFINITIONS } from "@newsfed/composition";

export { SUBGRAPH_DEFINITIONS };

export type ServiceName = keyof typeof SUBGRAPH_DEFINITIONS;
