import { runSubgraph } from "@newsfed/kit/subgraph";
import { articlesSubgraph } from "./index.js";

await runSubgraph(articlesSubgraph);
