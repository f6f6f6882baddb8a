// The package borders, checked by `pnpm lint` (dependency-cruiser resolves workspace packages to their sources).
const SUBGRAPH = "^subgraphs/(articles|officials|policy)/";
const HEAVY = "node_modules/(type-graphql|drizzle-orm|pg|dataloader|@apollo/subgraph)/";

module.exports = {
  forbidden: [
    {
      name: "subgraphs-share-contracts-not-code",
      comment: "A subgraph never imports another subgraph: shared vocabulary is declared by value, checked by composition.",
      severity: "error",
      from: { path: "^subgraphs/(articles|officials|policy)/" },
      to: { path: SUBGRAPH, pathNot: "^subgraphs/$1/" },
    },
    {
      name: "kit-knows-no-domain",
      comment: "The kit is shared by every service and holds no domain code.",
      severity: "error",
      from: { path: "^subgraphs/kit/" },
      to: { path: [SUBGRAPH, "^composition/", "^gateway/"] },
    },
    {
      name: "gateway-knows-no-subgraph",
      comment: "The running gateway serves the composed supergraph; composition (build time) is where subgraphs meet.",
      severity: "error",
      from: { path: "^gateway/src/" },
      to: { path: [SUBGRAPH, "^composition/"] },
    },
    {
      name: "gateway-loads-no-schema-builder-or-orm",
      comment: "The gateway process loads none of type-graphql, drizzle or pg, through any import chain.",
      severity: "error",
      from: { path: "^gateway/src/main\\.ts$" },
      to: { path: HEAVY, reachable: true },
    },
    {
      name: "light-kit-subpaths-stay-light",
      comment: "Kit subpaths the gateway uses must not pull the schema builder or the ORM.",
      severity: "error",
      from: { path: "^subgraphs/kit/src/(config|services|http|identity|errors|paging|observability/)" },
      to: { path: HEAVY, reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["source", "import", "require", "node", "default"],
      extensions: [".ts", ".js", ".json"],
    },
  },
};
