import type { RequestRuntime } from "@newsfed/kit/subgraph";
import type { PolicyDb } from "./db/index.js";
import { EventRepo } from "./event/event.repo.js";
import { EventService } from "./event/event.service.js";
import { InitiativeRepo } from "./initiative/initiative.repo.js";
import { InitiativeService } from "./initiative/initiative.service.js";
import { createLoaders } from "./loaders.js";

/** Everything a request needs: its caller, its own loaders and the services over them. Built per request. */
export function createContext(db: PolicyDb, runtime: RequestRuntime) {
  const repos = { initiatives: new InitiativeRepo(db), events: new EventRepo(db) };
  const loaders = createLoaders(repos, db);
  return {
    identity: runtime.identity,
    requestId: runtime.requestId,
    loaders,
    initiatives: new InitiativeService(repos.initiatives, loaders, runtime),
    events: new EventService(repos.events, loaders, runtime),
  };
}

export type PolicyContext = ReturnType<typeof createContext>;
