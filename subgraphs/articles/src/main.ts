import { runSubgraph } from "@newsfed/kit";
import { articlesSubgraph } from "./index.js";

await runSubgraph(articlesSubgraph);
