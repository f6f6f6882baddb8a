import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { exampleTabs } from "./example-operations.js";

export interface IdeOptions {
  /** A token for the write example, prefilled only with the development secret; otherwise a placeholder. */
  developmentToken?: string;
}

/**
 * The IDE served at GET /graphql to browsers (Accept: text/html): GraphiQL with completion, docs explorer,
 * variables, headers and history, every script, style and worker inlined in the page, so it works air-gapped.
 * Apollo's default landing page (Sandbox) loads from the internet and is not used.
 */
export function idePlugin<TContext extends BaseContext>(options: IdeOptions = {}): ApolloServerPlugin<TContext> {
  const authorization = options.developmentToken ? `Bearer ${options.developmentToken}` : "Bearer <token with officials:write>";
  const html = renderGraphiQL({
    title: "newsfed · GraphQL IDE",
    endpoint: "/graphql",
    defaultTabs: exampleTabs({ Authorization: authorization }),
    shouldPersistHeaders: true,
    defaultEditorToolsVisibility: "variables",
  } as Parameters<typeof renderGraphiQL>[0]);
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
