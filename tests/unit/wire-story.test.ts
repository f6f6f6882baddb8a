import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findMentions } from "../../subgraphs/articles/src/wire/find-mentions.js";
import { headlineFrom } from "../../subgraphs/articles/src/wire/headline.js";
import { parseWireStory, WireStoryError } from "../../subgraphs/articles/src/wire/wire-story.js";

const SEED_STORY = readFileSync(
  new URL("../../subgraphs/articles/seed/stories/000_7bd97e100af3bb16.txt", import.meta.url),
  "utf8",
);

describe("wire story parser", () => {
  it("splits the seed story into date, photo, dateline and body", () => {
    const story = parseWireStory(SEED_STORY);
    expect(story.publishedOn).toBe("2021-11-19");
    expect(story.photo?.credit).toBe("bernama.com");
    expect(story.photo?.caption).not.toContain("(Photo:");
    expect(story.dateline).toEqual({ place: "Kuala Lumpur", agency: "VNA" });
    expect(story.body).not.toMatch(/\(VNA\)|\/\.$/);
  });

  it("keeps a story without photo or dateline", () => {
    const story = parseWireStory("date 2022-01-05\n\nHanoi reported growth./.");
    expect(story).toEqual({ publishedOn: "2022-01-05", photo: null, dateline: null, body: "Hanoi reported growth." });
  });

  it("rejects text without a date line, naming the field", () => {
    expect(() => parseWireStory("Kuala Lumpur (VNA) - No date.")).toThrow(WireStoryError);
    try {
      parseWireStory("");
    } catch (error) {
      expect((error as WireStoryError).field).toBe("text");
    }
  });
});

describe("headline from the lead", () => {
  it("ends at the first real sentence end, not at abbreviations", () => {
    expect(headlineFrom("Dr. Tran Van Minh said exports grew. Next.")).toBe("Dr. Tran Van Minh said exports grew");
    expect(headlineFrom("The U.S. and Malaysia agreed to talk. More.")).toBe("The U.S. and Malaysia agreed to talk");
    expect(headlineFrom("PM Anwar said on Jan. 5 that trade grew. Then.")).toBe("PM Anwar said on Jan. 5 that trade grew");
    expect(headlineFrom("x".repeat(400))).toHaveLength(298);
  });

  it("reads datelines with commas and accents", () => {
    expect(parseWireStory(" date 2022-01-05\n\nKuala Lumpur, Malaysia (Bernama) - Text./.").dateline).toEqual({
      place: "Kuala Lumpur, Malaysia",
      agency: "Bernama",
    });
    expect(parseWireStory(" date 2022-01-05\n\n" + "Hà Nội".normalize("NFD") + " (VNA) - Text./.").dateline?.place).toBe(
      "Hà Nội",
    );
  });
});

describe("mention finder", () => {
  it("finds whole words only, longest form first, with exact offsets", () => {
    const body = "Malaysia Digital Economy Blueprint (MyDIGITAL) helps Malaysian firms; Malaysia agrees.";
    const found = findMentions(body, [
      { text: "Malaysia", kind: "COUNTRY", refId: "MY", confidence: 1 },
      { text: "Malaysia Digital Economy Blueprint", kind: "INITIATIVE", refId: "i1", confidence: 1 },
      { text: "MyDIGITAL", kind: "INITIATIVE", refId: "i1", confidence: 1 },
    ]);
    expect(found.map((m) => [m.text, body.slice(m.start, m.end)])).toEqual([
      ["Malaysia Digital Economy Blueprint", "Malaysia Digital Economy Blueprint"],
      ["MyDIGITAL", "MyDIGITAL"],
      ["Malaysia", "Malaysia"],
    ]);
    expect(found[2]!.start).toBe(body.lastIndexOf("Malaysia"));
  });

  it("ignores an all-capitals form inside a run of capitals", () => {
    const specs = [{ text: "US", kind: "COUNTRY", refId: "US", confidence: 0.8 }];
    expect(findMentions("THEY TOLD US NO", specs)).toEqual([]);
    expect(findMentions("the US and Malaysia", specs).map((m) => m.start)).toEqual([4]);
  });
});
