import { runSubgraph } from "@newsfed/kit/subgraph";
import { officialsSubgraph } from "./index.js";

await runSubgraph(officialsSubgraph);
