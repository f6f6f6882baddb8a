import { runSubgraph } from "@newsfed/kit/subgraph";
import { policySubgraph } from "./index.js";

await runSubgraph(policySubgraph);
