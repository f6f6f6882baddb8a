import { groupLoader, lazily, pageLoader, rowLoader } from "@newsfed/kit/loaders";
import { changeLoaders } from "@newsfed/kit/writes";
import type { PolicyDb } from "./db/index.js";
import { changes } from "./db/schema.js";
import type { EventPageArgs, EventRepo } from "./event/event.repo.js";
import type { InitiativePageArgs, InitiativeRepo } from "./initiative/initiative.repo.js";

export interface Repos {
  initiatives: InitiativeRepo;
  events: EventRepo;
}

/** Per request, so batching and caching never leak across callers; each loader is made when first used. */
export function createLoaders(repos: Repos, db: PolicyDb) {
  return lazily({
    changes: () => changeLoaders(db, changes),
    // Top-level lists, per distinct arguments: aliases asking for the same page share one statement.
    initiatives: () => pageLoader((groups, args: InitiativePageArgs) => repos.initiatives.page(groups, "all", args)),
    events: () => pageLoader((groups, args: EventPageArgs) => repos.events.page(groups, "all", args)),
    initiativeById: () =>
      rowLoader(
        (ids) => repos.initiatives.byIds(ids),
        (row) => row.id,
      ),
    championsByInitiative: () =>
      groupLoader(
        (ids) => repos.initiatives.championsOf(ids),
        (row) => row.initiativeId,
      ),
    eventById: () =>
      rowLoader(
        (ids) => repos.events.byIds(ids),
        (row) => row.id,
      ),
    childrenByEvent: () =>
      groupLoader(
        (ids) => repos.events.childrenOf(ids),
        (row) => row.parentId!,
      ),
    participantsByEvent: () =>
      groupLoader(
        (ids) => repos.events.participantsOf(ids),
        (row) => row.eventId,
      ),
    countriesByEvent: () =>
      groupLoader(
        (ids) => repos.events.countriesOf(ids),
        (row) => row.eventId,
      ),
    initiativesByEvent: () =>
      groupLoader(
        (ids) => repos.events.initiativeLinks("event", ids),
        (row) => row.eventId,
      ),
    eventsByInitiative: () =>
      groupLoader(
        (ids) => repos.events.initiativeLinks("initiative", ids),
        (row) => row.initiativeId,
      ),
    outcomesByEvent: () =>
      groupLoader(
        (ids) => repos.events.outcomesOf(ids),
        (row) => row.eventId,
      ),
    initiativesByChampion: () => pageLoader((ids, args: InitiativePageArgs) => repos.initiatives.page(ids, "champion", args)),
    initiativesByLead: () => pageLoader((ids, args: InitiativePageArgs) => repos.initiatives.page(ids, "leadOrganization", args)),
    initiativesByCountry: () => pageLoader((codes, args: InitiativePageArgs) => repos.initiatives.page(codes, "country", args)),
    eventsByParticipant: () => pageLoader((ids, args: EventPageArgs) => repos.events.page(ids, "participant", args)),
    eventsByCountry: () => pageLoader((codes, args: EventPageArgs) => repos.events.page(codes, "country", args)),
  });
}

export type Loaders = ReturnType<typeof createLoaders>;
