import { createHash } from "node:crypto";
import { type UserError, UserErrorCode } from "@newsfed/kit/graphql";
import { nameKey } from "@newsfed/kit/names";
import type { WireStory } from "../wire/wire-story.js";
import { findMentions, type MentionSpec } from "../wire/find-mentions.js";
import type { Directory, KnownEvent, KnownInitiative, KnownOfficial, KnownOrganization, WriteAnswer } from "./directory.js";
import {
  countryNamed,
  type EventCandidate,
  type Extraction,
  type InitiativeCandidate,
  type OrganizationCandidate,
  type PersonCandidate,
} from "./extract/extract.js";
import { AGENCIES } from "./extract/lexicon.js";

/** Kinds of entity an ingestion creates or links. */
export enum IngestedEntityKind {
  OFFICIAL = "OFFICIAL",
  ORGANIZATION = "ORGANIZATION",
  POLICY_INITIATIVE = "POLICY_INITIATIVE",
  POLICY_EVENT = "POLICY_EVENT",
  COUNTRY = "COUNTRY",
}

/** Why the ingestion did not create something the story names. */
export enum IngestSkipReason {
  /** The caller lacks the owner's write scope (officials:write or policy:write). */
  FORBIDDEN = "FORBIDDEN",
  /** The text does not say enough to create it (an official's country or post, an event's participants). */
  INCOMPLETE = "INCOMPLETE",
  /** The owner refused the create (its user errors are in the message). */
  REFUSED = "REFUSED",
  /** Several known entities fit the name: none is linked rather than a wrong one. */
  AMBIGUOUS = "AMBIGUOUS",
}

export interface EntityRef {
  kind: IngestedEntityKind;
  /** The official's, organization's, initiative's or event's id, or the country's code. */
  id: string;
  name: string;
}

export interface SkippedEntity {
  kind: IngestedEntityKind;
  name: string;
  reason: IngestSkipReason;
  message: string;
}

export interface StoryInput {
  story: WireStory;
  extraction: Extraction;
}

/** What a story links to, ready for the article write, and what the ingestion created, linked and skipped for it. */
export interface StoryResolution {
  officialIds: string[];
  organizationIds: string[];
  initiativeIds: string[];
  countryCodes: string[];
  eventIds: string[];
  mentions: MentionSpec[];
  themes: string[];
  sourceName: string;
  created: EntityRef[];
  linked: EntityRef[];
  skipped: SkippedEntity[];
}

export interface PipelineOptions {
  /** The caller's scopes: what it may create (officials:write, policy:write). */
  scopes: readonly string[];
}

/** Idempotency keys derive from natural keys, never from the story: two stories naming one new official share it. */
const idempotencyKey = (kind: string, natural: string) =>
  `ingest:${kind}:${createHash("sha256").update(natural).digest("base64url").slice(0, 32)}`;

const REUSED_OR_DUPLICATE = new Set<string>([UserErrorCode.DUPLICATE, UserErrorCode.IDEMPOTENCY_KEY_REUSED]);

interface Resolved<TKnown> {
  known: TKnown | null;
  /** Created by this batch (then `known` is set too). */
  createdBy: number | null;
  skipped: SkippedEntity | null;
}

/** A person of the batch: the candidates of every story with the same name, merged. */
interface BatchPerson extends Resolved<KnownOfficial> {
  key: string;
  candidate: PersonCandidate;
  stories: number[];
}

interface BatchOrganization extends Resolved<KnownOrganization> {
  key: string;
  candidate: OrganizationCandidate;
  stories: number[];
}

interface BatchInitiative extends Resolved<KnownInitiative> {
  key: string;
  candidate: InitiativeCandidate;
  stories: number[];
}

interface BatchEvent extends Resolved<KnownEvent> {
  key: string;
  candidate: EventCandidate;
  story: number;
  participantIds: string[];
}

/**
 * Resolves the candidates of a batch of stories against the owners, in a fixed number of round trips whatever the
 * batch or catalogue size: one lookup by names for officials, organizations and initiatives; creates of what is
 * missing (organizations, then officials with their posts, then initiatives) in aliased requests; a second lookup of
 * anything a create found taken (DUPLICATE or a reused idempotency key: a concurrent ingestion created it); then the
 * events (one lookup per story by participants and dates; visits created before the meetings they contain).
 * Every create carries an idempotency key derived from the entity's natural key, so a retry after any failure
 * completes the story without duplicates.
 */
export class IngestPipeline {
  private readonly canWriteOfficials: boolean;
  private readonly canWritePolicy: boolean;
  private readonly persons = new Map<string, BatchPerson>();
  private readonly organizations = new Map<string, BatchOrganization>();
  private readonly initiatives = new Map<string, BatchInitiative>();
  private readonly events: BatchEvent[] = [];
  private countries = new Set<string>();
  /** Per story: candidate key → batch key. */
  private readonly personOf: Map<string, BatchPerson>[] = [];
  private readonly organizationOf: Map<string, BatchOrganization>[] = [];
  private readonly initiativeOf: Map<string, BatchInitiative>[] = [];
  private readonly agencies = new Map<string, KnownOrganization>();
  /** Per story, the events its officials took part in around its dates, as the owner knows them. */
  private readonly knownByStory = new Map<number, KnownEvent[]>();

  constructor(
    private readonly directory: Directory,
    private readonly stories: StoryInput[],
    options: PipelineOptions,
  ) {
    this.canWriteOfficials = options.scopes.includes("officials:write");
    this.canWritePolicy = options.scopes.includes("policy:write");
  }

  async run(): Promise<StoryResolution[]> {
    this.collect();
    // Countries do not depend on names: looked up alongside.
    await Promise.all([this.lookUpByName(), this.lookUpCountries()]);
    await this.createOrganizations();
    await this.createOfficials();
    await this.createInitiatives();
    await this.resolveEvents();
    await this.addNamesSeen();
    return this.stories.map((_, index) => this.resolution(index));
  }

  // --- candidates of the batch ---------------------------------------------------------------------------------------

  private collect() {
    this.stories.forEach(({ extraction }, index) => {
      const persons = new Map<string, BatchPerson>();
      for (const candidate of extraction.persons) {
        let person = this.persons.get(candidate.key);
        if (!person) {
          person = { key: candidate.key, candidate, stories: [], known: null, createdBy: null, skipped: null };
          this.persons.set(candidate.key, person);
        } else mergePerson(person.candidate, candidate);
        person.stories.push(index);
        persons.set(candidate.key, person);
      }
      this.personOf.push(persons);
      const organizations = new Map<string, BatchOrganization>();
      const allOrganizations = [
        ...extraction.organizations,
        ...extraction.persons.map((p) => p.post?.organization).filter((o): o is OrganizationCandidate => !!o),
      ];
      for (const candidate of allOrganizations) {
        const key = `${nameKey(candidate.name ?? candidate.acronym ?? "")}|${candidate.country ?? ""}`;
        let organization = this.organizations.get(key);
        if (!organization) {
          organization = { key, candidate, stories: [], known: null, createdBy: null, skipped: null };
          this.organizations.set(key, organization);
        } else {
          organization.candidate.creatable ||= candidate.creatable;
          organization.candidate.acronym ??= candidate.acronym;
        }
        if (!organization.stories.includes(index)) organization.stories.push(index);
        organizations.set(candidate.key, organization);
      }
      this.organizationOf.push(organizations);
      const initiatives = new Map<string, BatchInitiative>();
      for (const candidate of extraction.initiatives) {
        const key = `${candidate.lookup.map(nameKey).sort().join("|")}|${candidate.country ?? ""}`;
        let initiative = this.initiatives.get(key);
        if (!initiative) {
          initiative = { key, candidate, stories: [], known: null, createdBy: null, skipped: null };
          this.initiatives.set(key, initiative);
        }
        initiative.stories.push(index);
        initiatives.set(candidate.key, initiative);
      }
      this.initiativeOf.push(initiatives);
    });
  }

  private async lookUpByName(only?: {
    persons?: BatchPerson[];
    organizations?: BatchOrganization[];
    initiatives?: BatchInitiative[];
  }) {
    const persons = only?.persons ?? [...this.persons.values()];
    const organizations = only?.organizations ?? [...this.organizations.values()];
    const initiatives = only?.initiatives ?? [...this.initiatives.values()];
    const agencies = only ? [] : [...new Set(this.stories.map((s) => s.story.dateline?.agency).filter((a): a is string => !!a))];
    const found = await this.directory.findByNames({
      officials: persons.flatMap((p) => personNames(p.candidate)),
      organizations: [...organizations.flatMap((o) => o.candidate.lookup), ...agencies],
      initiatives: initiatives.flatMap((i) => i.candidate.lookup),
    });
    const officialsByKey = indexBy(found.officials, (o) => [o.name, `${o.honorificPrefix ?? ""} ${o.name}`, ...o.otherNames]);
    const organizationsByKey = indexBy(found.organizations, (o) => [o.name, o.acronym ?? ""]);
    const initiativesByKey = indexBy(found.initiatives, (i) => [i.name, i.acronym ?? ""]);
    for (const person of persons) {
      const matches = matching(officialsByKey, personNames(person.candidate));
      const { country, countryStated } = person.candidate;
      this.settle(person, pick(matches, country, countryStated), IngestedEntityKind.OFFICIAL, person.candidate.name);
    }
    for (const organization of organizations) {
      const matches = matching(organizationsByKey, organization.candidate.lookup);
      this.settle(
        organization,
        pick(matches, organization.candidate.country, GOVERNMENT_BODIES.has(organization.candidate.kind)),
        IngestedEntityKind.ORGANIZATION,
        label(organization.candidate),
      );
    }
    for (const initiative of initiatives) {
      const matches = matching(initiativesByKey, initiative.candidate.lookup);
      this.settle(
        initiative,
        pick(matches, initiative.candidate.country),
        IngestedEntityKind.POLICY_INITIATIVE,
        label(initiative.candidate),
      );
    }
    for (const agency of agencies) {
      const match = pick(matching(organizationsByKey, [agency]), null);
      if (match !== "ambiguous" && match) this.agencies.set(agency, match);
    }
  }

  private settle<T>(entry: Resolved<T>, match: T | null | "ambiguous", kind: IngestedEntityKind, name: string) {
    if (entry.known) return;
    if (match === "ambiguous") {
      entry.skipped = {
        kind,
        name,
        reason: IngestSkipReason.AMBIGUOUS,
        message: `Several known entities are named "${name}"; none was linked.`,
      };
    } else if (match) {
      entry.known = match;
      entry.skipped = null;
    }
  }

  // --- creates -------------------------------------------------------------------------------------------------------

  private async createOrganizations() {
    // Organizations of the posts of officials who will be created, and those the text names with an acronym.
    const wanted = [...this.organizations.values()].filter(
      (o) => !o.known && !o.skipped && o.candidate.creatable && o.candidate.name && this.organizationNeeded(o),
    );
    await this.create(wanted, {
      kind: IngestedEntityKind.ORGANIZATION,
      scope: this.canWriteOfficials ? null : "officials:write",
      input: (o) => ({
        name: o.candidate.name,
        acronym: o.candidate.acronym,
        kind: o.candidate.kind,
        countryCode: o.candidate.country,
        idempotencyKey: idempotencyKey("organization", `${nameKey(o.candidate.name!)}|${o.candidate.country ?? ""}`),
      }),
      send: (inputs) => this.directory.createOrganizations(inputs),
      name: (o) => label(o.candidate),
      known: (o, id) => ({ id, name: o.candidate.name!, acronym: o.candidate.acronym, countryCode: o.candidate.country }),
      relook: (entries) => this.lookUpByName({ organizations: entries }),
    });
  }

  private postsOfNewPersons: Set<BatchOrganization> | undefined;

  /** An organization the text names itself (with an acronym), or the post's of a person who is no known official. */
  private organizationNeeded(organization: BatchOrganization): boolean {
    this.postsOfNewPersons ??= new Set(
      [...this.persons.values()]
        .filter((p) => !p.known)
        .map((p) => this.organizationFor(p))
        .filter((o): o is BatchOrganization => !!o),
    );
    return organization.candidate.acronym !== null || this.postsOfNewPersons.has(organization);
  }

  private organizationFor(person: BatchPerson): BatchOrganization | undefined {
    const post = person.candidate.post?.organization;
    if (!post) return undefined;
    for (const index of person.stories) {
      const found = this.organizationOf[index]!.get(post.key);
      if (found) return found;
    }
    return undefined;
  }

  private async createOfficials() {
    const wanted: BatchPerson[] = [];
    for (const person of this.persons.values()) {
      if (person.known || person.skipped) continue;
      const { candidate } = person;
      if (!candidate.post || !candidate.country) {
        // A name with no post or country stated stays an unlinked mention: no official is guessed into being.
        person.skipped = {
          kind: IngestedEntityKind.OFFICIAL,
          name: candidate.name,
          reason: IngestSkipReason.INCOMPLETE,
          message: candidate.post
            ? `The story does not say which country "${candidate.name}" serves; no official was created.`
            : `The story names "${candidate.name}" without a post; no official was created.`,
        };
        continue;
      }
      wanted.push(person);
    }
    await this.create(wanted, {
      kind: IngestedEntityKind.OFFICIAL,
      scope: this.canWriteOfficials ? null : "officials:write",
      input: (p) => {
        const organization = this.organizationFor(p)?.known ?? null;
        const forms = [...p.candidate.forms.keys()].filter(
          (form) =>
            nameKey(form) !== nameKey(p.candidate.name) &&
            nameKey(form) !== nameKey(`${p.candidate.honorific ?? ""} ${p.candidate.name}`),
        );
        return {
          name: p.candidate.name,
          honorificPrefix: p.candidate.honorific,
          otherNames: forms.slice(0, 20),
          countryCode: p.candidate.country,
          positions: [{ title: p.candidate.post!.title, organizationId: organization?.id ?? null }],
          idempotencyKey: idempotencyKey("official", `${nameKey(p.candidate.name)}|${p.candidate.country}`),
        };
      },
      send: (inputs) => this.directory.createOfficials(inputs),
      name: (p) => p.candidate.name,
      known: (p, id) => ({
        id,
        name: p.candidate.name,
        honorificPrefix: p.candidate.honorific,
        otherNames: [...p.candidate.forms.keys()],
        countryCode: p.candidate.country,
        positions: [],
      }),
      relook: (entries) => this.lookUpByName({ persons: entries }),
    });
  }

  private async createInitiatives() {
    const wanted = [...this.initiatives.values()].filter(
      (i) => !i.known && !i.skipped && i.candidate.creatable && i.candidate.name,
    );
    await this.create(wanted, {
      kind: IngestedEntityKind.POLICY_INITIATIVE,
      scope: this.canWritePolicy ? null : "policy:write",
      input: (i) => ({
        name: i.candidate.name,
        acronym: i.candidate.acronym,
        countryCode: i.candidate.country,
        status: i.candidate.status,
        themes: i.candidate.themes,
        championIds: [
          ...new Set(i.candidate.launchedBy.map((key) => this.persons.get(key)?.known?.id).filter((id): id is string => !!id)),
        ],
        idempotencyKey: idempotencyKey(
          "initiative",
          `${nameKey(i.candidate.acronym ?? i.candidate.name!)}|${i.candidate.country ?? ""}`,
        ),
      }),
      send: (inputs) => this.directory.createInitiatives(inputs),
      name: (i) => label(i.candidate),
      known: (i, id) => ({ id, name: i.candidate.name!, acronym: i.candidate.acronym, countryCode: i.candidate.country }),
      relook: (entries) => this.lookUpByName({ initiatives: entries }),
    });
  }

  /**
   * Creates entries through the directory; answers with ids are created (replayed ones were created by a concurrent
   * ingestion, and are linked), DUPLICATE or IDEMPOTENCY_KEY_REUSED mean someone else created it meanwhile (looked up
   * again and linked), other refusals are reported.
   */
  private async create<TEntry extends Resolved<TKnown> & { stories?: number[]; story?: number }, TKnown>(
    entries: TEntry[],
    how: {
      kind: IngestedEntityKind;
      scope: string | null;
      input: (entry: TEntry) => Record<string, unknown>;
      send: (inputs: Record<string, unknown>[]) => Promise<WriteAnswer[]>;
      name: (entry: TEntry) => string;
      known: (entry: TEntry, id: string) => TKnown;
      relook?: (entries: TEntry[]) => Promise<void>;
    },
  ) {
    if (!entries.length) return;
    if (how.scope) {
      for (const entry of entries) {
        entry.skipped = {
          kind: how.kind,
          name: how.name(entry),
          reason: IngestSkipReason.FORBIDDEN,
          message: `Creating it needs the scope \`${how.scope}\`; the article links what exists and mentions it unlinked.`,
        };
      }
      return;
    }
    const answers = await how.send(entries.map(how.input));
    const again: TEntry[] = [];
    answers.forEach((answer, index) => {
      const entry = entries[index]!;
      if (answer.id) {
        entry.known = how.known(entry, answer.id);
        // A replay: a concurrent ingestion (same caller, same key) made it first; this one links it.
        if (!answer.replayed) entry.createdBy = entry.stories?.[0] ?? entry.story ?? 0;
      } else if (answer.userErrors.some((error) => REUSED_OR_DUPLICATE.has(error.code))) {
        again.push(entry);
      } else {
        entry.skipped = refused(how.kind, how.name(entry), answer.userErrors);
      }
    });
    if (again.length && how.relook) {
      await how.relook(again);
      for (const entry of again) {
        if (!entry.known && !entry.skipped) {
          entry.skipped = {
            kind: how.kind,
            name: how.name(entry),
            reason: IngestSkipReason.REFUSED,
            message: "Another entity holds its name, or its key, but it could not be found by name.",
          };
        }
      }
    }
  }

  // --- countries and events ------------------------------------------------------------------------------------------

  private async lookUpCountries() {
    const codes = new Set<string>();
    for (const { extraction } of this.stories) {
      for (const country of extraction.countries) codes.add(country.code);
      for (const event of extraction.events) {
        for (const code of event.countries) codes.add(code);
        if (event.location?.countryCode) codes.add(event.location.countryCode);
      }
    }
    this.countries = codes.size ? await this.directory.existingCountries([...codes]) : new Set();
  }

  private async resolveEvents() {
    this.stories.forEach(({ extraction }, index) => {
      for (const candidate of extraction.events) {
        const participantIds = candidate.participants
          .map((key) => this.personOf[index]!.get(key)?.known?.id)
          .filter((id): id is string => !!id);
        this.events.push({
          key: `${index}|${candidate.key}`,
          candidate,
          story: index,
          participantIds: [...new Set(participantIds)],
          known: null,
          createdBy: null,
          skipped: null,
        });
      }
    });
    // One lookup for the batch: the events of its officials (100 per query) over the span of its events' dates,
    // matched to each story's events below; the cost follows the batch, not the catalogue of events.
    const mine = this.events.filter((e) => e.participantIds.length);
    const knownByStory = this.knownByStory;
    if (mine.length) {
      const dates = mine.flatMap((e) => [e.candidate.startDate, e.candidate.endDate ?? e.candidate.startDate]).sort();
      const participants = [...new Set(mine.flatMap((e) => e.participantIds))];
      const queries = [];
      for (let i = 0; i < participants.length; i += 100) {
        queries.push({
          participantIds: participants.slice(i, i + 100),
          from: addDays(dates[0]!, -1),
          to: addDays(dates.at(-1)!, 1),
        });
      }
      const found = new Map<string, KnownEvent>();
      for (const list of await this.directory.findEvents(queries)) for (const event of list) found.set(event.id, event);
      this.stories.forEach((_, index) => {
        const ids = new Set(mine.filter((e) => e.story === index).flatMap((e) => e.participantIds));
        knownByStory.set(
          index,
          [...found.values()].filter((event) => event.participantIds.some((id) => ids.has(id))),
        );
      });
    }

    // Visits first: the meetings they contain take them as parent.
    const visits = this.events.filter((e) => e.candidate.kind === "VISIT");
    const others = this.events.filter((e) => e.candidate.kind !== "VISIT");
    for (const event of [...visits, ...others]) this.matchEvent(event, knownByStory.get(event.story) ?? []);
    await this.createEvents(visits);
    await this.createEvents(others);
  }

  /** An event the owner knows: same kind and day and shared participants (a visit: the visitor's trip over those days). */
  private matchEvent(event: BatchEvent, known: KnownEvent[]) {
    const { candidate, participantIds } = event;
    const shared = (e: KnownEvent) => e.participantIds.filter((id) => participantIds.includes(id)).length;
    let match: KnownEvent | undefined;
    if (candidate.kind === "VISIT") {
      const end = candidate.endDate ?? candidate.startDate;
      const slack = candidate.linkOnly ? 1 : 0;
      match = known.find(
        (e) =>
          e.kind === "VISIT" &&
          shared(e) >= 1 &&
          e.startDate <= addDays(end, slack) &&
          (e.endDate ?? e.startDate) >= addDays(candidate.startDate, -slack),
      );
    } else {
      const needed = Math.min(2, participantIds.length);
      match = known.find(
        (e) =>
          (e.kind === candidate.kind || (candidate.kind !== "LAUNCH" && ["MEETING", "SIGNING"].includes(e.kind))) &&
          e.startDate === candidate.startDate &&
          needed > 0 &&
          shared(e) >= needed,
      );
    }
    // The same event named by two stories of the batch is one.
    const twin = this.events.find((e) => e !== event && e.known && sameEvent(e, event));
    if (match) event.known = match;
    else if (twin) event.known = twin.known;
  }

  private async createEvents(events: BatchEvent[]) {
    const wanted: BatchEvent[] = [];
    for (const event of events) {
      if (event.known) continue;
      const twin = this.events.find((e) => e !== event && e.known && sameEvent(e, event));
      if (twin) {
        event.known = twin.known;
        continue;
      }
      if (wanted.some((e) => sameEvent(e, event))) continue;
      const { candidate } = event;
      const needed = candidate.kind === "MEETING" ? 2 : 1;
      if (candidate.linkOnly) continue;
      if (
        event.participantIds.length < Math.min(needed, candidate.participants.length) ||
        event.participantIds.length < candidate.participants.length
      ) {
        event.skipped = {
          kind: IngestedEntityKind.POLICY_EVENT,
          name: candidate.title,
          reason: IngestSkipReason.INCOMPLETE,
          message: `${candidate.participants.length - event.participantIds.length} of its participants are not in the graph; no event was created.`,
        };
        continue;
      }
      wanted.push(event);
    }
    await this.create(wanted, {
      kind: IngestedEntityKind.POLICY_EVENT,
      scope: this.canWritePolicy ? null : "policy:write",
      input: (event) => this.eventInput(event),
      send: (inputs) => this.directory.createEvents(inputs),
      name: (event) => event.candidate.title,
      known: (event, id) => ({
        id,
        kind: event.candidate.kind,
        title: event.candidate.title,
        startDate: event.candidate.startDate,
        endDate: event.candidate.endDate,
        participantIds: event.participantIds,
        parentId: null,
      }),
      // A reused key: the same caller's concurrent ingestion created it; it is found by the lookup of the next try.
    });
    // Twins of the created ones (the same event in two stories of the batch) are linked to them.
    for (const event of events) {
      if (event.known) continue;
      const twin = this.events.find((e) => e !== event && e.known && sameEvent(e, event));
      if (twin) {
        event.known = twin.known;
        event.skipped = null;
      }
    }
  }

  private eventInput(event: BatchEvent): Record<string, unknown> {
    const { candidate } = event;
    const parent = candidate.parent
      ? this.events.find((e) => e.story === event.story && e.candidate.key === candidate.parent)?.known
      : undefined;
    const initiativeIds = candidate.initiatives
      .map((key) => this.initiativeOf[event.story]!.get(key)?.known?.id)
      .filter((id): id is string => !!id);
    const location = candidate.location
      ? {
          name: candidate.location.name,
          countryCode:
            candidate.location.countryCode && this.countries.has(candidate.location.countryCode)
              ? candidate.location.countryCode
              : null,
        }
      : null;
    const natural = `${candidate.kind}|${candidate.startDate}|${nameKey(candidate.location?.name ?? "")}|${[...event.participantIds].sort().join("+")}`;
    return {
      kind: candidate.kind,
      title: candidate.title,
      startDate: candidate.startDate,
      endDate: candidate.endDate,
      location,
      parentId: parent?.id ?? this.knownVisitFor(event)?.id ?? null,
      themes: candidate.themes,
      participantIds: event.participantIds,
      countryCodes: candidate.countries.filter((code) => this.countries.has(code)),
      initiativeIds: [...new Set(initiativeIds)],
      outcomes: candidate.outcomes,
      idempotencyKey: idempotencyKey("event", natural),
    };
  }

  /** A known visit of one of the event's participants that covers its day (the meeting is part of that trip). */
  private knownVisitFor(event: BatchEvent): KnownEvent | undefined {
    if (event.candidate.kind === "VISIT") return undefined;
    const visits = [
      ...this.events.filter((e) => e.candidate.kind === "VISIT" && e.known).map((e) => e.known!),
      ...(this.knownByStory.get(event.story) ?? []).filter((e) => e.kind === "VISIT"),
    ];
    for (const visit of visits) {
      if (!event.participantIds.some((id) => visit.participantIds.includes(id))) continue;
      if (visit.startDate <= event.candidate.startDate && (visit.endDate ?? visit.startDate) >= event.candidate.startDate)
        return visit;
    }
    return undefined;
  }

  /**
   * Name forms (of several words) seen for a known official that it does not have yet become other names, so later
   * stories find it by them.
   */
  private async addNamesSeen() {
    if (!this.canWriteOfficials) return;
    const updates: { id: string; input: Record<string, unknown> }[] = [];
    for (const person of this.persons.values()) {
      const official = person.known;
      if (!official || person.createdBy !== null || !("otherNames" in official)) continue;
      const have = new Set(
        [official.name, `${official.honorificPrefix ?? ""} ${official.name}`, ...official.otherNames].map(nameKey),
      );
      // Forms of several words are what lookups find officials by; one word of a name links only next to the full
      // name in the same story, so learning it would change nothing.
      const fresh = [...person.candidate.forms.keys()].filter((form) => /\s/.test(form.trim()) && !have.has(nameKey(form)));
      const distinct = [...new Map(fresh.map((form) => [nameKey(form), form])).values()];
      if (!distinct.length || official.otherNames.length + distinct.length > 20) continue;
      updates.push({ id: official.id, input: { otherNames: [...official.otherNames, ...distinct] } });
      official.otherNames = [...official.otherNames, ...distinct];
    }
    if (updates.length) await this.directory.updateOfficials(updates);
  }

  // --- per story ----------------------------------------------------------------------------------------------------

  private resolution(index: number): StoryResolution {
    const { story, extraction } = this.stories[index]!;
    const created: EntityRef[] = [];
    const linked: EntityRef[] = [];
    const skipped: SkippedEntity[] = [];
    const account = (entry: Resolved<{ id: string }>, kind: IngestedEntityKind, name: string) => {
      if (entry.known) {
        const ref = { kind, id: entry.known.id, name };
        if (entry.createdBy === index && !created.some((r) => r.id === ref.id)) created.push(ref);
        else if (!linked.some((r) => r.id === ref.id) && !created.some((r) => r.id === ref.id)) linked.push(ref);
      } else if (entry.skipped && !skipped.some((s) => s.kind === kind && s.name === entry.skipped!.name)) {
        skipped.push(entry.skipped);
      }
    };

    const resolved: MentionSpec[] = [];
    const unresolved: MentionSpec[] = [];
    const spec = (forms: Map<string, number>, kind: string, refId: string | null) => {
      for (const [text, confidence] of forms) (refId ? resolved : unresolved).push({ text, kind, refId, confidence });
    };
    for (const candidate of extraction.persons) {
      const person = this.personOf[index]!.get(candidate.key)!;
      spec(candidate.forms, "OFFICIAL", person.known?.id ?? null);
    }
    for (const candidate of extraction.organizations) {
      const organization = this.organizationOf[index]!.get(candidate.key);
      if (organization?.known) spec(candidate.forms, "ORGANIZATION", organization.known.id);
      else if (candidate.creatable || candidate.name) spec(candidate.forms, "ORGANIZATION", null);
    }
    for (const candidate of extraction.initiatives) {
      const initiative = this.initiativeOf[index]!.get(candidate.key);
      if (initiative?.known) spec(candidate.forms, "INITIATIVE", initiative.known.id);
      else if (candidate.creatable) spec(candidate.forms, "INITIATIVE", null);
    }
    for (const country of extraction.countries) {
      if (this.countries.has(country.code)) spec(country.forms, "COUNTRY", country.code);
    }
    for (const place of extraction.places) unresolved.push({ text: place.name, kind: "PLACE", refId: null, confidence: 1 });
    for (const name of extraction.unlinked) unresolved.push({ text: name.text, kind: name.kind, refId: null, confidence: 0.5 });
    // Linked forms first: a surface form means one thing per story.
    const mentions = [...new Map([...resolved, ...unresolved].reverse().map((m) => [m.text, m])).values()].reverse();
    const located = findMentions(story.body, mentions);
    const refsOf = (kind: string) => [...new Set(located.filter((m) => m.kind === kind && m.refId).map((m) => m.refId!))];

    const officialIds = refsOf("OFFICIAL");
    const organizationIds = refsOf("ORGANIZATION");
    // The organizations of the posts the story states for its officials.
    for (const candidate of extraction.persons) {
      const person = this.personOf[index]!.get(candidate.key)!;
      if (!person.known || !candidate.post?.organization) continue;
      const post = this.organizationOf[index]!.get(candidate.post.organization.key);
      const fromPositions =
        "positions" in person.known
          ? person.known.positions.find((p) => p.organizationId && p.organizationId === post?.known?.id)
          : undefined;
      const id = post?.known?.id ?? fromPositions?.organizationId;
      if (id && !organizationIds.includes(id)) organizationIds.push(id);
    }
    const initiativeIds = refsOf("INITIATIVE");
    const countryCodes = refsOf("COUNTRY");
    const eventIds: string[] = [];
    for (const event of this.events.filter((e) => e.story === index).sort((a, b) => a.candidate.first - b.candidate.first)) {
      if (event.known && !eventIds.includes(event.known.id)) eventIds.push(event.known.id);
    }

    for (const candidate of extraction.persons) {
      const person = this.personOf[index]!.get(candidate.key)!;
      if (person.known && !officialIds.includes(person.known.id)) continue;
      account(person, IngestedEntityKind.OFFICIAL, person.known?.name ?? candidate.name);
    }
    for (const organization of this.organizationOf[index]!.values()) {
      if (organization.known && !organizationIds.includes(organization.known.id)) continue;
      if (!organization.known && !organization.skipped) continue;
      account(organization, IngestedEntityKind.ORGANIZATION, organization.known?.name ?? label(organization.candidate));
    }
    for (const initiative of this.initiativeOf[index]!.values()) {
      if (initiative.known && !initiativeIds.includes(initiative.known.id)) continue;
      if (!initiative.known && !initiative.skipped) continue;
      account(initiative, IngestedEntityKind.POLICY_INITIATIVE, initiative.known?.name ?? label(initiative.candidate));
    }
    for (const event of this.events.filter((e) => e.story === index)) {
      account(event, IngestedEntityKind.POLICY_EVENT, event.known?.title ?? event.candidate.title);
    }
    for (const code of countryCodes) {
      linked.push({ kind: IngestedEntityKind.COUNTRY, id: code, name: countryNamed(code) });
    }
    const agency = story.dateline?.agency ?? null;
    return {
      officialIds,
      organizationIds,
      initiativeIds,
      countryCodes,
      eventIds,
      mentions,
      themes: extraction.themes,
      sourceName: (agency && (this.agencies.get(agency)?.name ?? AGENCIES[agency])) || agency || "Unknown source",
      created,
      linked,
      skipped,
    };
  }
}

// ---------------------------------------------------------------------------------------------------------------------

/** The names a person is looked up by: the name, with honorific, and the multi-word forms seen. */
const personNames = (person: PersonCandidate) => [
  ...new Set([
    person.name,
    ...(person.honorific ? [`${person.honorific} ${person.name}`] : []),
    ...[...person.forms.keys()].filter((form) => /\s/.test(form.trim())),
  ]),
];

function mergePerson(into: PersonCandidate, other: PersonCandidate) {
  into.honorific ??= other.honorific;
  // A country a title states wins over one inferred from the dateline.
  if (other.post && (!into.post || (!into.country && other.country))) {
    into.post ??= other.post;
    if (!into.country) {
      into.country = other.country;
      into.countryStated = other.countryStated;
    }
  }
  for (const [form, confidence] of other.forms) if (!into.forms.has(form)) into.forms.set(form, confidence);
}

function indexBy<T>(items: readonly T[], names: (item: T) => string[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const item of items) {
    for (const name of names(item)) {
      const key = nameKey(name);
      if (!key) continue;
      const list = index.get(key) ?? [];
      if (!list.includes(item)) list.push(item);
      index.set(key, list);
    }
  }
  return index;
}

const matching = <T>(index: Map<string, T[]>, names: string[]): T[] => [
  ...new Set(names.flatMap((name) => index.get(nameKey(name)) ?? [])),
];

/** The one match, the one of the country when several fit, "ambiguous" when that still leaves several. */
/** Kinds of organization whose name only their country tells apart: every country has a "Ministry of Energy". */
const GOVERNMENT_BODIES = new Set(["MINISTRY", "DEPARTMENT"]);

/**
 * The one known entity a candidate's names match: the only match, or among several the only one of the candidate's
 * country. With `countryIsKnown` (the text states the country, or the name is a government body's), an entity of
 * another country is a namesake, not a match: linking "Thai Minister of Energy X" to India's X, or a Thai "Ministry of
 * Energy" to India's, would be a guessed link. Without it (a country taken from the dateline), a single match is kept.
 */
function pick<T extends { countryCode: string | null }>(
  matches: T[],
  country: string | null,
  countryIsKnown = false,
): T | null | "ambiguous" {
  const candidates =
    countryIsKnown && country !== null ? matches.filter((m) => m.countryCode === null || m.countryCode === country) : matches;
  if (candidates.length <= 1) return candidates[0] ?? null;
  const ofCountry = candidates.filter((m) => m.countryCode === country);
  return ofCountry.length === 1 ? ofCountry[0]! : "ambiguous";
}

const label = (candidate: { name: string | null; acronym: string | null; lookup: string[] }) =>
  candidate.name ?? candidate.acronym ?? candidate.lookup[0] ?? "";

function refused(kind: IngestedEntityKind, name: string, errors: UserError[]): SkippedEntity {
  return {
    kind,
    name,
    reason: IngestSkipReason.REFUSED,
    message: `Refused by its owner: ${errors.map((e) => `${e.field ?? "input"}: ${e.message}`).join("; ") || "no reason given"}.`,
  };
}

function sameEvent(a: BatchEvent, b: BatchEvent): boolean {
  if (a.candidate.kind !== b.candidate.kind || a.candidate.startDate !== b.candidate.startDate) return false;
  const shared = a.participantIds.filter((id) => b.participantIds.includes(id)).length;
  return shared >= Math.min(2, a.participantIds.length, b.participantIds.length) && shared > 0;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
