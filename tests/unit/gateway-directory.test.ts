import type { FederationClient } from "@newsfed/kit/subgraph";
import { describe, expect, it } from "vitest";
import { GatewayDirectory } from "../../subgraphs/articles/src/ingest/gateway-directory.js";

// The directory alone, against a stand-in for the gateway that refuses operations of more than two aliased fields as
// too costly (the real gateway's cost limit, as a batch of 100 stories' name lookups against 5,000 officials meets it).
function costLimitedGateway() {
  const sent: { fields: number; mutation: boolean }[] = [];
  const federation: FederationClient = async (query, variables) => {
    const fields = Object.keys(variables ?? {}).length;
    sent.push({ fields, mutation: query.startsWith("mutation") });
    if (fields > 2) {
      return {
        data: null,
        errors: [{ message: "Operation is too complex", extensions: { code: "OPERATION_TOO_COMPLEX" } }],
      };
    }
    // Each lookup field finds one official, named after the first name it was asked for.
    const data = Object.fromEntries(
      Object.entries(variables ?? {}).map(([variable, names]) => [
        variable.replace("v", "f"),
        {
          pageInfo: { hasNextPage: false, endCursor: null },
          edges: [{ node: { id: `id-${(names as string[])[0]}`, name: (names as string[])[0], otherNames: [], positions: [] } }],
        },
      ]),
    );
    return { data };
  };
  return { federation, sent };
}

describe("the ingestion's gateway directory", () => {
  it("asks a lookup the gateway finds too costly again in halves, and answers every field", async () => {
    const { federation, sent } = costLimitedGateway();
    const names = Array.from({ length: 250 }, (_, i) => `Official ${String(i).padStart(3, "0")}`);
    const found = await new GatewayDirectory(federation, null).findByNames({
      officials: names,
      organizations: [],
      initiatives: [],
    });
    // 250 names go in five fields of 50; each field's official comes back.
    expect(found.officials.map((o) => o.name)).toEqual([0, 50, 100, 150, 200].map((i) => names[i]));
    expect(sent.map((r) => r.fields)).toEqual([5, 3, 2, 1, 2]);
  });

  it("never splits a write: a refused create is reported, not sent again in parts", async () => {
    const { federation, sent } = costLimitedGateway();
    const directory = new GatewayDirectory(federation, null);
    const inputs = Array.from({ length: 150 }, (_, i) => ({ name: `Official ${i}` }));
    await expect(directory.createOfficials(inputs)).rejects.toThrow(/too complex/);
    expect(sent).toEqual([{ fields: 3, mutation: true }]);
  });
});
