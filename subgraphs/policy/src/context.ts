import type { PolicyDb } from "./db/index.js";
import { EventRepo } from "./event/event.repo.js";
import { EventService } from "./event/event.service.js";
import { InitiativeRepo } from "./initiative/initiative.repo.js";
import { InitiativeService } from "./initiative/initiative.service.js";
import { createLoaders } from "./loaders.js";

/** Everything a request needs: its own loaders and the services over them. Built per request. */
export function createContext(db: PolicyDb) {
  const repos = { initiatives: new InitiativeRepo(db), events: new EventRepo(db) };
  const loaders = createLoaders(repos);
  return {
    loaders,
    initiatives: new InitiativeService(repos.initiatives, loaders),
    events: new EventService(repos.events, loaders),
  };
}

export type PolicyContext = ReturnType<typeof createContext>;
