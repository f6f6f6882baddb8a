import { describe, expect, it } from "vitest";
import { extractStory } from "../../subgraphs/articles/src/ingest/extract/extract.js";
import { headlineFrom } from "../../subgraphs/articles/src/wire/headline.js";
import { MAX_STORY_CHARS, parseWireStory } from "../../subgraphs/articles/src/wire/wire-story.js";

/**
 * Work of the parsers counted, not timed: every regular-expression execution is counted with the characters it
 * scanned (from where it started to where its match ended, or to the end of the input when it found none). A
 * scan that is linear in the input stays within a small multiple of its length, and doubles when the input does; the
 * quadratic patterns of issue 8 (a regex or a helper re-reading the rest of the text at each of n positions) scan
 * n²/2 characters.
 */
function scanned(run: () => unknown): number {
  const original = RegExp.prototype.exec;
  let chars = 0;
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const match = original.call(this, input);
    // A sticky regex (String.prototype.split runs one at each position) tries one position only.
    if (this.sticky) chars += match ? Math.max(1, match[0].length) : 1;
    else chars += Math.max(0, (match ? match.index + match[0].length : String(input).length) - from);
    return match;
  };
  try {
    run();
  } finally {
    RegExp.prototype.exec = original;
  }
  return chars;
}

/** Parses, extracts and makes a headline: everything ingestion does to a text before it looks anything up. */
function ingestText(text: string) {
  const story = parseWireStory(text);
  headlineFrom(story.body.split("\n\n")[0]!);
  extractStory(story);
}

const wrap = (lead: string, caption = "Caption.") => ` date 2021-11-19 ${caption}\n\nHanoi (VNA) - ${lead}./.`;

/** Adversarial texts of issue 8 and their kind, each filling the size limit when `units` is the most that fit. */
const ADVERSARIAL: Record<string, (units: number) => string> = {
  'caption of "(Photo:" repeated': (n) => wrap("A short story about the digital economy and 5G", "(Photo:".repeat(n)),
  '"Dr. " repeated in the lead': (n) => wrap(`${"Dr. ".repeat(n)}said trade grew`),
  "white space runs": (n) => wrap(`Trade${" ".repeat(n)}grew in the country this year`),
  '"/." repeated': (n) => wrap(`Trade grew ${"/. ".repeat(n)}`),
  "titles and names without end": (n) => wrap("Minister Nguyen Manh Hung met Secretary Gina Raimondo. ".repeat(n)),
  "acronyms in parentheses": (n) => wrap(`the National Plan (NP) ${"(AB) ".repeat(n)}`),
  "honorifics repeated": (n) => wrap(`${"Tan Sri ".repeat(n)}Annuar Musa said`),
  "capitalized words": (n) => wrap(`${"Ministry of Trade Digital Economy Blueprint ".repeat(n)}(MDEB)`),
};

const unitsAtLimit = (make: (units: number) => string) => {
  let units = 1;
  while (make(units * 2).length <= MAX_STORY_CHARS) units *= 2;
  // Then step up linearly to the largest count within the limit.
  let step = Math.max(1, Math.floor(units / 8));
  while (step >= 1) {
    while (make(units + step).length <= MAX_STORY_CHARS) units += step;
    step = Math.floor(step / 2);
  }
  return units;
};

describe("parsers in linear time, at the size limit", () => {
  it("accept the issue's inputs at the size limit: 28,400 × '(Photo:' and 49,900 × 'Dr. '", () => {
    const photos = wrap("A short story about the digital economy", "(Photo:".repeat(28_400));
    const doctors = wrap(`${"Dr. ".repeat(49_900)}said trade grew`);
    for (const text of [photos, doctors]) {
      expect(text.length).toBeLessThanOrEqual(MAX_STORY_CHARS);
      const chars = scanned(() => ingestText(text));
      expect(chars).toBeLessThan(60 * text.length);
    }
    expect(parseWireStory(photos).photo).toEqual({ caption: "(Photo:".repeat(28_400), credit: null });
  });

  for (const [name, make] of Object.entries(ADVERSARIAL)) {
    it(`scan a bounded multiple of the text, doubling with it: ${name}`, () => {
      const units = unitsAtLimit(make);
      const full = make(units);
      const half = make(Math.floor(units / 2));
      expect(full.length).toBeLessThanOrEqual(MAX_STORY_CHARS);
      expect(full.length).toBeGreaterThan(MAX_STORY_CHARS * 0.9);
      const fullChars = scanned(() => ingestText(full));
      const halfChars = scanned(() => ingestText(half));
      // Linear: within a constant of the length, and about twice the work for twice the text (n² would be four times).
      expect(fullChars).toBeLessThan(60 * full.length);
      expect(fullChars / Math.max(1, halfChars)).toBeLessThan(2.6);
    });
  }

  it("refuses a text over the limit before reading it", () => {
    const text = wrap("x".repeat(MAX_STORY_CHARS));
    let error: unknown;
    const chars = scanned(() => {
      try {
        parseWireStory(text);
      } catch (caught) {
        error = caught;
      }
    });
    expect(String(error)).toMatch(/at most 200000 are accepted/);
    expect(chars).toBe(0);
  });
});
