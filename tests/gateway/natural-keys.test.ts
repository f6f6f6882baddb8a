import { nameKey } from "@newsfed/kit/names";
import { signDevelopmentToken } from "@newsfed/gateway";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFederation, type TestFederation } from "../helpers/federation.js";
import { tokens } from "../helpers/identities.js";
import { type Connection, dataOf, type UserError } from "../helpers/results.js";
import { SEED } from "../helpers/seed-ids.js";

let fed: TestFederation;
let token: string;
beforeAll(async () => {
  fed = await startFederation();
  token = await tokens.editor();
});
afterAll(() => fed?.close());

const ERRORS = "userErrors { field code message }";
const write = async <TData>(query: string, variables: Record<string, unknown>, as = token) =>
  dataOf<TData>(await fed.query(query, variables, { token: as }));
/** A create's or update's payload as these tests select it: the entity's id, or the user errors. */
type Payload<TField extends string> = Record<TField, { id: string } | null> & { userErrors: UserError[] };
const createOfficial = async (input: Record<string, unknown>, as = token) =>
  (
    await write<{ createOfficial: Payload<"official"> }>(
      `mutation($input: CreateOfficialInput!) { createOfficial(input: $input) { official { id } ${ERRORS} } }`,
      { input },
      as,
    )
  ).createOfficial;

describe("lookups by name (filter.names)", () => {
  const ids = async (root: string, names: string[]) =>
    dataOf<Record<string, Connection<{ id: string }>>>(
      await fed.query(`query($names: [String!]!) { ${root}(filter: { names: $names }) { edges { node { id } } } }`, { names }),
    )[root]!.edges.map((e) => e.node.id);

  it("finds officials by any name form, without case, accents or punctuation", async () => {
    expect(await ids("officials", ["TAN SRI annuar-musa"])).toEqual([SEED.annuar]);
    expect(await ids("officials", ["Annuar bin Musa", "Raimondo, Gina"])).toEqual([SEED.annuar, SEED.raimondo]);
    expect(await ids("officials", ["Annuar Mus", "Nobody"])).toEqual([]);
    expect(await ids("officials", [])).toEqual([]);
  });

  it("finds organizations and initiatives by name or acronym", async () => {
    expect(await ids("organizations", ["kkmm", "United States Department of Commerce"])).toEqual([SEED.kkmm, SEED.usDoc]);
    expect(await ids("initiatives", ["mydigital", "Malaysia 5G roll-out"])).toEqual([SEED.myDigital]);
    expect(await ids("initiatives", ["malaysia 5g rollout"])).toEqual([SEED.fiveG]);
  });

  it("is bounded: at most 100 names", async () => {
    const result = await fed.query(`query($names: [String!]!) { officials(filter: { names: $names }) { totalCount } }`, {
      names: Array.from({ length: 101 }, (_, i) => `Name ${i}`),
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "filter.names" });
  });

  it("compares names in SQL exactly as the ingestion does in JavaScript", async () => {
    const samples = [
      "Nguyễn Mạnh Hùng",
      "Nguyễn Mạnh Hùng".normalize("NFD"),
      "ĐẶNG Thị  Ngọc-Thịnh",
      "O'Brien, Ø. Łukasz",
      "Dato' Sri",
      "岸田 文雄",
      "Ⅻ",
    ];
    for (const schema of ["officials", "policy"] as const) {
      for (const sample of samples) {
        const rows = (await fed.sql(schema, sql`select ${sql.raw(schema)}.name_key(${sample}) as key`)) as {
          rows: { key: string }[];
        };
        expect({ schema, sample, key: rows.rows[0]!.key }).toEqual({ schema, sample, key: nameKey(sample) });
      }
    }
  });
});

describe("natural keys: the owners refuse a second entity of the same name and country", () => {
  it("refuses a second official of one name in one country, naming the holder; namesakes elsewhere or without a country are fine", async () => {
    const input = { name: "Tran Van Nam", countryCode: "VN" };
    const first = await createOfficial(input);
    expect(first.userErrors).toEqual([]);
    const second = await createOfficial({ ...input, name: "TRẦN VĂN NAM" });
    expect(second).toEqual({
      official: null,
      userErrors: [{ field: "input.name", code: "DUPLICATE", message: expect.stringContaining(first.official!.id) }],
    });
    expect((await createOfficial({ ...input, countryCode: "SG" })).userErrors).toEqual([]);
    expect((await createOfficial({ name: "Tran Van Nam" })).userErrors).toEqual([]);
    expect((await createOfficial({ name: "Tran Van Nam" })).userErrors).toEqual([]);
    const renamed = await write<{ updateOfficial: Payload<"official"> }>(
      `mutation($id: ID!) { updateOfficial(id: $id, input: { name: "Tran Van Nam", countryCode: "VN" }) { official { id } ${ERRORS} } }`,
      { id: SEED.raimondo },
    );
    expect(renamed.updateOfficial.userErrors[0]).toMatchObject({ field: "input.name", code: "DUPLICATE" });
  });

  it("creates one official when two callers race with the same name and country", async () => {
    const [alice, bob] = await Promise.all([
      signDevelopmentToken({ subject: "alice" }),
      signDevelopmentToken({ subject: "bob" }),
    ]);
    const input = { name: "Racing Minister", countryCode: "TH", positions: [{ title: "Minister of Racing" }] };
    const answers = await Promise.all([createOfficial(input, alice), createOfficial(input, bob)]);
    expect(answers.filter((a) => a.official).length).toBe(1);
    expect(answers.flatMap((a) => a.userErrors.map((e) => [e.field, e.code]))).toEqual([["input.name", "DUPLICATE"]]);
  });

  it("refuses a second organization of one name in one country", async () => {
    const create = async (name: string) =>
      (
        await write<{ createOrganization: Payload<"organization"> }>(
          `mutation($name: String!) { createOrganization(input: { name: $name, kind: MINISTRY, countryCode: "MY" }) { organization { id } ${ERRORS} } }`,
          {
            name,
          },
        )
      ).createOrganization;
    const taken = await create("ministry of communications and multimedia");
    expect(taken.userErrors).toEqual([{ field: "input.name", code: "DUPLICATE", message: expect.stringContaining(SEED.kkmm) }]);
  });

  it("refuses a second initiative of one name, or one acronym, in one country", async () => {
    const create = async (input: Record<string, unknown>) =>
      (
        await write<{ createPolicyInitiative: Payload<"initiative"> }>(
          `mutation($input: CreatePolicyInitiativeInput!) { createPolicyInitiative(input: $input) { initiative { id } ${ERRORS} } }`,
          { input },
        )
      ).createPolicyInitiative;
    const byAcronym = await create({ name: "My Digital Plan", acronym: "MYDIGITAL", countryCode: "MY", status: "PROPOSED" });
    expect(byAcronym.userErrors).toEqual([
      { field: "input.acronym", code: "DUPLICATE", message: expect.stringContaining(SEED.myDigital) },
    ]);
    const byName = await create({ name: "Malaysia Digital Economy Blueprint", countryCode: "MY", status: "PROPOSED" });
    expect(byName.userErrors).toEqual([
      { field: "input.name", code: "DUPLICATE", message: expect.stringContaining(SEED.myDigital) },
    ]);
    expect(
      (await create({ name: "Malaysia Digital Economy Blueprint", countryCode: "SG", status: "PROPOSED" })).userErrors,
    ).toEqual([]);
  });
});
