import { readFileSync } from "node:fs";
import {
  API_SCHEMA_FILE,
  CHANGELOG_FILE,
  composeSupergraph,
  diffApiSchemas,
  latestEntry,
  readCommitted,
  schemaHash,
  SUPERGRAPH_FILE,
} from "@newsfed/composition";
import {
  buildSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";

let composition: Awaited<ReturnType<typeof composeSupergraph>>;
beforeAll(async () => {
  composition = await composeSupergraph();
});

describe("the composed supergraph", () => {
  it("composes without errors and matches the committed files (run `pnpm compose` after a schema change)", () => {
    expect(composition.supergraphSdl).toBe(readCommitted(SUPERGRAPH_FILE));
    expect(composition.apiSchemaSdl).toBe(readCommitted(API_SCHEMA_FILE));
  });

  it("keeps federation internals out of the public API schema", () => {
    expect(composition.apiSchemaSdl).not.toMatch(/join__|link__|_entities|_service|@key/);
  });

  it("describes every type, field, argument, input field and enum value", () => {
    const schema = buildSchema(composition.apiSchemaSdl);
    const missing: string[] = [];
    const check = (where: string, description: string | null | undefined) => {
      if (!description?.trim()) missing.push(where);
    };
    const checkArgs = (where: string, args: readonly GraphQLArgument[]) => {
      for (const arg of args) check(`${where}(${arg.name})`, arg.description);
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__") || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
      check(type.name, type.description);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
          check(`${type.name}.${field.name}`, field.description);
          checkArgs(`${type.name}.${field.name}`, field.args);
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields()) as GraphQLInputField[])
          check(`${type.name}.${field.name}`, field.description);
      }
      if (isEnumType(type)) for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
    expect(missing).toEqual([]);
  });

  it("offers the contract's surface: entities, connections and query fields", () => {
    const schema = buildSchema(composition.apiSchemaSdl);
    const fields = (name: string) => Object.keys((schema.getType(name) as GraphQLObjectType).getFields());
    expect(fields("Official")).toEqual(
      expect.arrayContaining([
        "id",
        "name",
        "honorificPrefix",
        "displayName",
        "otherNames",
        "country",
        "positions",
        "currentPosition",
        "articles",
        "mentionCount",
        "initiatives",
        "events",
      ]),
    );
    expect(fields("Article")).toEqual(
      expect.arrayContaining([
        "id",
        "slug",
        "headline",
        "summary",
        "body",
        "publishedAt",
        "source",
        "dateline",
        "photo",
        "url",
        "themes",
        "mentions",
        "officials",
        "initiatives",
        "countries",
        "events",
      ]),
    );
    expect(fields("PolicyEvent")).toEqual(
      expect.arrayContaining([
        "id",
        "kind",
        "title",
        "startDate",
        "endDate",
        "location",
        "parent",
        "children",
        "participants",
        "countries",
        "themes",
        "initiatives",
        "outcomes",
        "articles",
      ]),
    );
    expect(fields("Country")).toEqual(expect.arrayContaining(["code", "name", "officials", "articles", "initiatives", "events"]));
    expect(fields("Query")).toEqual(
      expect.arrayContaining([
        "official",
        "officials",
        "organization",
        "organizations",
        "country",
        "countries",
        "initiative",
        "initiatives",
        "event",
        "events",
        "article",
        "articleBySlug",
        "articles",
      ]),
    );
    for (const connection of [
      "ArticleConnection",
      "OfficialConnection",
      "PolicyInitiativeConnection",
      "PolicyEventConnection",
      "CountryConnection",
    ]) {
      expect(fields(connection).sort()).toEqual(["edges", "pageInfo", "totalCount"]);
    }
    expect(fields("PageInfo")).toEqual(expect.arrayContaining(["hasNextPage", "endCursor"]));
  });
});

describe("the breaking-change gate", () => {
  it("flags removed fields and removed enum values as breaking, additions as safe", async () => {
    const committed = readCommitted(API_SCHEMA_FILE);
    const removedField = committed.replace(/\n\s+"""[^"]*"""\n\s+mentionCount: Int\n/, "\n");
    expect(removedField).not.toBe(committed);
    expect((await diffApiSchemas(committed, removedField)).breaking.join("\n")).toMatch(/'mentionCount' was removed/);
    const removedEnumValue = committed.replace(/\n\s+"""[^"]*"""\n\s+SEMICONDUCTORS\n/, "\n");
    expect((await diffApiSchemas(committed, removedEnumValue)).breaking.join("\n")).toMatch(/'SEMICONDUCTORS' was removed/);
    const added = committed.replace("type PageInfo {", 'type PageInfo {\n  """A new field."""\n  pageSize: Int\n');
    expect(await diffApiSchemas(committed, added)).toMatchObject({ breaking: [], changed: true });
  });

  it("finds no breaking change between the composed schema and the committed contract", async () => {
    expect((await diffApiSchemas(readCommitted(API_SCHEMA_FILE), composition.apiSchemaSdl)).breaking).toEqual([]);
  });

  it("has a changelog entry, versioned and dated, describing the committed schema", () => {
    const entry = latestEntry(readFileSync(CHANGELOG_FILE, "utf8"));
    expect(entry?.version).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
    expect(entry?.hash).toBe(schemaHash(readCommitted(API_SCHEMA_FILE)));
  });
});
