import { DateScalar, DateTimeScalar } from "@newsfed/kit/graphql";
import { GraphQLError, Kind } from "graphql";
import { describe, expect, it } from "vitest";

const codeOf = (parse: () => unknown) => {
  try {
    parse();
  } catch (error) {
    return (error as GraphQLError).extensions?.code;
  }
  return "accepted";
};

describe("Date", () => {
  it("keeps YYYY-MM-DD strings as they are, both ways, and writes a driver's Date as its UTC day", () => {
    expect(DateScalar.name).toBe("Date");
    expect(DateScalar.parseValue("2021-11-18")).toBe("2021-11-18");
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: "2024-02-29" })).toBe("2024-02-29");
    expect(DateScalar.serialize("2021-11-18")).toBe("2021-11-18");
    expect(DateScalar.serialize(new Date("2021-11-18T00:00:00Z"))).toBe("2021-11-18");
  });

  it("refuses anything but a real calendar day as bad user input", () => {
    for (const value of ["18/11/2021", "2021-02-30", "2021-11-18T00:00:00Z", 20211118, null]) {
      expect(codeOf(() => DateScalar.parseValue(value))).toBe("BAD_USER_INPUT");
    }
    expect(codeOf(() => DateScalar.parseLiteral({ kind: Kind.INT, value: "1" }))).toBe("BAD_USER_INPUT");
  });
});

describe("DateTime", () => {
  it("reads RFC 3339 instants with any offset and writes them in UTC", () => {
    expect(DateTimeScalar.name).toBe("DateTime");
    const instant = DateTimeScalar.parseValue("2021-11-19T08:00:00+08:00");
    expect(instant).toEqual(new Date("2021-11-19T00:00:00Z"));
    expect(DateTimeScalar.serialize(instant)).toBe("2021-11-19T00:00:00.000Z");
    expect(DateTimeScalar.serialize("2021-11-19T08:00:00+08:00")).toBe("2021-11-19T00:00:00.000Z");
  });

  it("refuses dates, times without an offset and garbage as bad user input", () => {
    for (const value of ["2021-11-19", "2021-11-19T08:00:00", "yesterday", 1637280000]) {
      expect(codeOf(() => DateTimeScalar.parseValue(value))).toBe("BAD_USER_INPUT");
    }
    expect(codeOf(() => DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: "2021-13-01T00:00:00Z" }))).toBe(
      "BAD_USER_INPUT",
    );
  });
});
