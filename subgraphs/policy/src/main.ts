import { runSubgraph } from "@newsfed/kit";
import { policySubgraph } from "./index.js";

await runSubgraph(policySubgraph);
