import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { slugify } from "../../subgraphs/articles/src/article/slug.js";
import { contentHash } from "../../subgraphs/articles/src/wire/content-hash.js";
import { findMentions } from "../../subgraphs/articles/src/wire/find-mentions.js";
import { headlineFrom } from "../../subgraphs/articles/src/wire/headline.js";
import { MAX_STORY_CHARS, parseWireStory, WireStoryError } from "../../subgraphs/articles/src/wire/wire-story.js";

const SEED_STORY = readFileSync(
  new URL("../../subgraphs/articles/seed/stories/000_7bd97e100af3bb16.txt", import.meta.url),
  "utf8",
);
const story = (name: string) => readFileSync(new URL(`../fixtures/stories/${name}`, import.meta.url), "utf8");

describe("wire story parser", () => {
  it("splits the seed story into date, photo, dateline and body", () => {
    const parsed = parseWireStory(SEED_STORY);
    expect(parsed.publishedOn).toBe("2021-11-19");
    expect(parsed.photo?.credit).toBe("bernama.com");
    expect(parsed.photo?.caption).not.toContain("(Photo:");
    expect(parsed.dateline).toEqual({ place: "Kuala Lumpur", agency: "VNA" });
    expect(parsed.body).not.toMatch(/\(VNA\)|\/\.$/);
  });

  it("keeps a story without photo or dateline", () => {
    const parsed = parseWireStory("date 2022-01-05\n\nHanoi reported growth./.");
    expect(parsed).toEqual({ publishedOn: "2022-01-05", photo: null, dateline: null, body: "Hanoi reported growth." });
  });

  it("reads a story without a caption, and a caption without a credit", () => {
    expect(parseWireStory(story("03_vna_hanoi_hung_yamada_no_caption.txt"))).toMatchObject({
      publishedOn: "2021-12-08",
      photo: null,
      dateline: { place: "Hanoi", agency: "VNA" },
    });
    expect(parseWireStory(" date 2022-01-05 Ministers at the talks.\n\nHanoi (VNA) - Text./.").photo).toEqual({
      caption: "Ministers at the talks.",
      credit: null,
    });
  });

  it("reads Windows line endings exactly as Unix ones", () => {
    const crlf = story("04_vna_kuala_lumpur_hung_annuar_crlf.txt");
    expect(crlf).toContain("\r\n");
    const parsed = parseWireStory(crlf);
    expect(parsed).toEqual(parseWireStory(crlf.replace(/\r\n/g, "\n")));
    expect(parsed.body).not.toContain("\r");
    expect(parsed.body.split("\n\n")).toHaveLength(4);
    expect(parsed.photo?.credit).toBe("VNA");
  });

  it("reads other agencies' datelines, with commas and accents", () => {
    expect(parseWireStory(story("01_kyodo_tokyo_raimondo_hagiuda.txt")).dateline).toEqual({ place: "Tokyo", agency: "Kyodo" });
    expect(parseWireStory(" date 2022-01-05\n\nKuala Lumpur, Malaysia (Bernama) - Text./.").dateline).toEqual({
      place: "Kuala Lumpur, Malaysia",
      agency: "Bernama",
    });
    expect(parseWireStory(" date 2022-01-05\n\n" + "Hà Nội".normalize("NFD") + " (VNA) - Text./.").dateline?.place).toBe(
      "Hà Nội",
    );
  });

  it("rejects text without a date line, too long, or binary, naming the field", () => {
    expect(() => parseWireStory("Kuala Lumpur (VNA) - No date.")).toThrow(WireStoryError);
    expect(() => parseWireStory("")).toThrow(/date line/);
    expect(() => parseWireStory(` date 2022-01-05\n\nHanoi (VNA) - ${"word ".repeat(MAX_STORY_CHARS / 5)}`)).toThrow(
      /at most 200000/,
    );
    expect(() => parseWireStory(" date 2022-01-05\n\nHanoi (VNA) - \u0000\u0001\u0002 binary\uFFFD")).toThrow(/not a wire story/);
    try {
      parseWireStory("");
    } catch (error) {
      expect((error as WireStoryError).field).toBe("text");
    }
  });

  it("identifies a story by its body: with or without the closing /., another caption or line endings, one hash", () => {
    const body = (text: string) => contentHash(parseWireStory(text).body);
    const seed = body(SEED_STORY);
    expect(body(SEED_STORY.replace(/\/\.\s*$/, ""))).toBe(seed);
    expect(body(SEED_STORY.replace(/\n/g, "\r\n"))).toBe(seed);
    expect(body(SEED_STORY.replace("(Photo: bernama.com)", "(Photo: VNA)"))).toBe(seed);
    expect(body(SEED_STORY.replace("cybersecurity", "cyber security"))).not.toBe(seed);
  });
});

describe("headline and slug", () => {
  it("ends at the first real sentence end, not at abbreviations", () => {
    expect(headlineFrom("Dr. Tran Van Minh said exports grew. Next.")).toBe("Dr. Tran Van Minh said exports grew");
    expect(headlineFrom("The U.S. and Malaysia agreed to talk. More.")).toBe("The U.S. and Malaysia agreed to talk");
    expect(headlineFrom("PM Anwar said on Jan. 5 that trade grew. Then.")).toBe("PM Anwar said that trade grew");
    expect(headlineFrom("Indonesian Minister Johnny G. Plate spoke at length in Jakarta. Then.")).toBe(
      "Indonesian Minister Johnny G. Plate spoke at length in Jakarta",
    );
  });

  it("keeps the lead's main clause, about 10–15 words, as an editor would", () => {
    const lead = (text: string) => parseWireStory(text).body.split("\n\n")[0]!;
    expect(headlineFrom(lead(SEED_STORY))).toBe("Malaysia and the US have agreed to enhance cooperation in various fields");
    expect(headlineFrom(lead(story("02_vna_singapore_gan_raimondo.txt")))).toBe(
      "Singapore and the US have agreed to deepen cooperation on the digital economy",
    );
    expect(headlineFrom(lead(story("03_vna_hanoi_hung_yamada_no_caption.txt")))).toBe(
      "Minister Nguyen Manh Hung received Japanese Ambassador to Vietnam Yamada Takio in Hanoi",
    );
    expect(headlineFrom(lead(story("12_afp_hanoi_biden_trong_visit.txt")))).toBe(
      "US President Joe Biden and Vietnamese General Secretary Nguyen Phu Trong agreed to upgrade relations",
    );
    for (const text of [SEED_STORY, story("01_kyodo_tokyo_raimondo_hagiuda.txt"), story("07_pna_manila_uy_no_event.txt")]) {
      const words = headlineFrom(lead(text)).split(" ").length;
      expect(words).toBeGreaterThanOrEqual(6);
      expect(words).toBeLessThanOrEqual(15);
    }
    expect(headlineFrom("x".repeat(400)).length).toBeLessThanOrEqual(300);
  });

  it("cuts slugs at a word boundary within 120 characters", () => {
    const slug = slugify(
      "Minister of Information and Communications Nguyen Manh Hung received Japanese Ambassador to Vietnam Yamada Takio in Hanoi on December 7",
    );
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(slug).toBe(
      "minister-of-information-and-communications-nguyen-manh-hung-received-japanese-ambassador-to-vietnam-yamada-takio-in",
    );
    expect(slugify("Nguyễn Mạnh Hùng gặp Đại sứ")).toBe("nguyen-manh-hung-gap-dai-su");
    expect(slugify("a".repeat(200))).toHaveLength(120);
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
