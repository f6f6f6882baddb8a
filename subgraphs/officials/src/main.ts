import { runSubgraph } from "@newsfed/kit";
import { officialsSubgraph } from "./index.js";

await runSubgraph(officialsSubgraph);
