import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFederation, type TestFederation } from "../helpers/federation.js";
import { tokens } from "../helpers/identities.js";
import {
  entityCounts,
  graphOf,
  ingest,
  type IngestPayload,
  kinds,
  SEED_STORY,
  STORY_DIR,
  STORY_FILES,
  storyText,
} from "../helpers/ingest.js";
import { type Connection, dataOf } from "../helpers/results.js";
import { SEED } from "../helpers/seed-ids.js";

const EXPECTED = JSON.parse(readFileSync(new URL("expected.json", STORY_DIR), "utf8")) as Record<string, unknown>;

let fed: TestFederation;
let token: string;
let before: Awaited<ReturnType<typeof entityCounts>>;
const results = new Map<string, IngestPayload>();
/** Each article's graph right after its story was ingested (later stories may add to the entities it links). */
const graphs = new Map<string, Awaited<ReturnType<typeof graphOf>>>();
beforeAll(async () => {
  fed = await startFederation();
  token = await tokens.editor();
  before = await entityCounts(fed);
  // In file order: later stories find what earlier ones created (Hung, Teo, Plate).
  for (const file of STORY_FILES) {
    const result = await ingest(fed, { text: storyText(file) }, token);
    results.set(file, result);
    graphs.set(file, await graphOf(fed, result.article!.id));
  }
}, 300_000);
afterAll(() => fed?.close());

describe("the corpus: each story yields exactly its graph", () => {
  it("has at least twelve stories from different agencies and countries", () => {
    expect(STORY_FILES.length).toBeGreaterThanOrEqual(12);
    const agencies = new Set(STORY_FILES.map((file) => /\(([A-Za-z]+)\) -/.exec(storyText(file))![1]));
    expect(agencies.size).toBeGreaterThanOrEqual(8);
  });

  it.each(STORY_FILES)("%s", (file) => {
    const result = results.get(file)!;
    expect({
      status: result.status,
      userErrors: result.userErrors,
      created: kinds(result.createdEntities),
      linked: kinds(result.linkedEntities),
      skipped: result.skippedEntities,
      graph: graphs.get(file),
    }).toEqual(EXPECTED[file]);
  });

  it("creates each new entity once, however many stories name it", async () => {
    expect(await entityCounts(fed)).toEqual({
      articles: before.articles + STORY_FILES.length,
      officials: before.officials + 15,
      organizations: before.organizations + 12,
      initiatives: before.initiatives + 9,
      events: before.events + 12,
    });
    const named = async (names: string[]) =>
      dataOf<{ officials: Connection<{ name: string }> }>(
        await fed.query(
          `query($names: [String!]!) { officials(first: 100, filter: { names: $names }) { edges { node { name } } } }`,
          {
            names,
          },
        ),
      ).officials.edges.map((e) => e.node.name);
    // Hung is named by three stories, Plate and Teo by two, Raimondo by four (and the seed).
    expect(await named(["Nguyen Manh Hung", "Johnny G. Plate", "Josephine Teo", "Gina Raimondo"])).toEqual([
      "Gina Raimondo",
      "Johnny G. Plate",
      "Josephine Teo",
      "Nguyen Manh Hung",
    ]);
  });

  it("links the seed's meeting and visit instead of creating them again, and files other stops' meetings under the visit", async () => {
    const eventIds = async (file: string) =>
      dataOf<{ article: { events: { id: string; parent: { id: string } | null }[] | null } | null }>(
        await fed.query(`query($id: ID!) { article(id: $id) { events { id parent { id } } } }`, {
          id: results.get(file)!.article!.id,
        }),
      ).article!.events!;
    expect(await eventIds("10_bernama_putrajaya_same_meeting.txt")).toEqual([
      { id: SEED.putrajayaMeeting, parent: { id: SEED.asiaVisit } },
      { id: SEED.asiaVisit, parent: null },
    ]);
    const [tokyo] = await eventIds("01_kyodo_tokyo_raimondo_hagiuda.txt");
    const [singapore] = await eventIds("02_vna_singapore_gan_raimondo.txt");
    expect([tokyo!.parent, singapore!.parent]).toEqual([{ id: SEED.asiaVisit }, { id: SEED.asiaVisit }]);
    const visit = dataOf<{ event: { children: unknown[] } | null }>(
      await fed.query(`query($id: ID!) { event(id: $id) { children { startDate location { name } } } }`, { id: SEED.asiaVisit }),
    ).event!;
    expect(visit.children).toEqual([
      { startDate: "2021-11-15", location: { name: "Tokyo" } },
      { startDate: "2021-11-16", location: { name: "Singapore" } },
      { startDate: "2021-11-18", location: { name: "Putrajaya" } },
    ]);
  });

  it("creates on behalf of the caller: the token's subject is the author of what the ingestion created", async () => {
    const hagiuda = results.get("01_kyodo_tokyo_raimondo_hagiuda.txt")!.createdEntities.find((e) => e.kind === "OFFICIAL")!;
    const data = dataOf<{ official: unknown }>(
      // Read as that editor: actors are `redacted` to anyone else without `audit:read` (decision 0008).
      await fed.query(
        `query($id: ID!) { official(id: $id) { updatedBy history { edges { node { action actor } } } } }`,
        { id: hagiuda.official!.id },
        { token },
      ),
    );
    expect(data.official).toEqual({
      updatedBy: "test-editor",
      history: { edges: [{ node: { action: "CREATED", actor: "test-editor" } }] },
    });
  });

  it("gives a new official the name forms the story used, so later stories link them", async () => {
    // Story 3 created Nguyen Manh Hung, whom it also calls "Hung"; Josephine Teo (story 6) was only named in full.
    const created = (file: string, name: string) => results.get(file)!.createdEntities.find((e) => e.name === name)!.official!.id;
    const otherNames = async (id: string) =>
      dataOf<{ official: { otherNames: string[] } | null }>(
        await fed.query(`query($id: ID!) { official(id: $id) { otherNames } }`, { id }),
      ).official!.otherNames;
    expect(await otherNames(created("03_vna_hanoi_hung_yamada_no_caption.txt", "Nguyen Manh Hung"))).toEqual(["Hung"]);
    // Story 9's "Teo said" links her next to her full name; one word alone is never learned as a name to look up.
    expect(await otherNames(created("06_yonhap_seoul_lim_teo_signing.txt", "Josephine Teo"))).toEqual([]);
  });

  it("changes nothing when every story comes again: same articles, nothing created (idempotent)", async () => {
    const counts = await entityCounts(fed);
    for (const file of STORY_FILES) {
      const again = await ingest(fed, { text: storyText(file) }, token);
      expect({ file, status: again.status, id: again.article!.id, created: again.createdEntities }).toEqual({
        file,
        status: "UNCHANGED",
        id: results.get(file)!.article!.id,
        created: [],
      });
    }
    const seed = await ingest(fed, { text: SEED_STORY }, token);
    expect(seed).toMatchObject({ status: "UNCHANGED", created: false, article: { id: SEED.article } });
    expect(await entityCounts(fed)).toEqual(counts);
  });
});
