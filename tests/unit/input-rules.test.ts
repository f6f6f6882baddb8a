import { UserErrorCode } from "@newsfed/kit/graphql";
import { calendarDate, countryCodes, list, parseInput, requiredText, texts } from "@newsfed/kit/writes";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const SHAPE = {
  countryCodes: countryCodes(3),
  otherNames: texts({ maxItems: 2, max: 5 }),
  startDate: calendarDate({ required: true }),
  location: z.object({ name: requiredText(3) }).nullish(),
  steps: list(z.object({ title: requiredText(10) }), 5),
};

describe("input rules", () => {
  it("report every problem at once, each at the path of the value, and a chained check only after its first passed", () => {
    const { errors } = parseInput(
      SHAPE,
      {
        countryCodes: ["my", " ", "much-too-long", "QQQ"],
        otherNames: ["Raimondo"],
        startDate: "2023-02-31",
        location: { name: "" },
        steps: [{ title: "ok" }, { title: 7 }],
      },
      "create",
    );
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ["input.countryCodes", UserErrorCode.TOO_MANY],
      ["input.otherNames.0", UserErrorCode.TOO_LONG],
      ["input.startDate", UserErrorCode.INVALID_FORMAT],
      ["input.location.name", UserErrorCode.REQUIRED],
      ["input.steps.1.title", UserErrorCode.INVALID_FORMAT],
    ]);

    const items = parseInput(SHAPE, { countryCodes: ["my", " ", "much-too-long"] }, "update").errors;
    // "much-too-long" is too long for a code: refused for its length only, not also as a malformed code.
    expect(items.map((e) => [e.field, e.code, e.message])).toEqual([
      ["input.countryCodes.1", UserErrorCode.REQUIRED, "`input.countryCodes.1` must not be empty."],
      ["input.countryCodes.2", UserErrorCode.TOO_LONG, "`input.countryCodes.2` must be at most 8 characters (got 13)."],
    ]);
  });

  it("give the checked values: trimmed, upper-cased, duplicates dropped, absent fields left out", () => {
    const { values, given, errors } = parseInput(
      SHAPE,
      { countryCodes: ["my", "MY ", "vn"], otherNames: [" Tan ", "Tan"], startDate: "2021-11-18", location: null },
      "create",
    );
    expect(errors).toEqual([]);
    expect(values).toEqual({
      countryCodes: [
        { key: "MY", index: 0 },
        { key: "VN", index: 2 },
      ],
      otherNames: ["Tan"],
      startDate: "2021-11-18",
      location: null,
    });
    expect(given).toEqual(["countryCodes", "location", "otherNames", "startDate"]);
  });
});
