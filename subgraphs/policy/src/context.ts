import { lazily } from "@newsfed/kit/loaders";
import type { RequestRuntime } from "@newsfed/kit/subgraph";
import type { WriteRuntime } from "@newsfed/kit/writes";
import type { PolicyDb, PolicyTx } from "./db/index.js";
import { changes, idempotencyKeys } from "./db/schema.js";
import { EventRepo } from "./event/event.repo.js";
import { EventService } from "./event/event.service.js";
import { InitiativeRepo } from "./initiative/initiative.repo.js";
import { InitiativeService } from "./initiative/initiative.service.js";
import { createLoaders } from "./loaders.js";

/**
 * Everything a request needs: its caller, its own loaders and the services over them. Per request; each service
 * (and each loader) is made when the request first uses it.
 */
export function createContext(db: PolicyDb, runtime: RequestRuntime) {
  const repos = { initiatives: new InitiativeRepo(db), events: new EventRepo(db) };
  const loaders = createLoaders(repos, db);
  const writes: WriteRuntime<PolicyTx> = {
    identity: runtime.identity,
    federation: runtime.federation,
    db,
    changes,
    idempotency: idempotencyKeys,
  };
  return lazily({
    identity: () => runtime.identity,
    requestId: () => runtime.requestId,
    loaders: () => loaders,
    initiatives: () => new InitiativeService(repos.initiatives, loaders, runtime, writes),
    events: () => new EventService(repos.events, loaders, runtime, writes),
  });
}

export type PolicyContext = ReturnType<typeof createContext>;
