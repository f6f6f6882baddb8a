import type { CodegenConfig } from "@graphql-codegen/cli";

// Typed documents from the public API schema the gateway serves (and the repo commits): `pnpm codegen`.
const config: CodegenConfig = {
  schema: "../../gateway/schema.graphql",
  documents: ["src/**/*.tsx", "src/**/*.ts", "!src/gql/**"],
  generates: {
    "src/gql/": {
      preset: "client",
      config: { scalars: { Date: "string", DateTime: "string" }, enumsAsTypes: true, useTypeImports: true },
      presetConfig: { fragmentMasking: false },
    },
  },
  ignoreNoDocuments: false,
};

export default config;
