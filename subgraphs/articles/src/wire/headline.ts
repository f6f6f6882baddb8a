import { PORTFOLIO_WORDS, TITLE_HEADS } from "../ingest/extract/lexicon.js";

// Words after which a full stop does not end a sentence (compared on the one word before the stop).
const ABBREVIATIONS = new Set(
  "Dr Mr Mrs Ms Prof Gen Col Lt Sen Rep Gov St No Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Inc Ltd Co Corp Bhd Jr Sr vs".split(
    " ",
  ),
);

/** Longest word run a headline keeps. */
export const MAX_HEADLINE_WORDS = 15;
/** A clause boundary ends the headline only once this many words are in. */
const MIN_WORDS = 6;

/**
 * Where the first sentence of a text ends (index of its stop), or -1: a stop followed by white space and an upper-case
 * letter, digit or opening quote, or by the end, that does not follow an abbreviation ("Dr.", "Nov.", "U.S.", "G.").
 * One pass; each candidate looks at a bounded window around it.
 */
export function firstSentenceEnd(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char !== "." && char !== "!" && char !== "?") continue;
    if (i + 1 < text.length) {
      if (!/\s/.test(text[i + 1]!)) continue;
      let j = i + 1;
      while (j < text.length && j < i + 4 && /\s/.test(text[j]!)) j++;
      const next = text[j] ?? "";
      const after = /["“‘(]/.test(next) ? (text[j + 1] ?? "") : next;
      if (!/[\p{Lu}\p{N}]/u.test(after)) continue;
    }
    if (char === "." && isAbbreviation(text, i)) continue;
    if (i + 1 < 20) continue;
    return i;
  }
  return -1;
}

/** The word before a full stop at `stop` is a known abbreviation or a single capital ("U.S.", "J."). */
function isAbbreviation(text: string, stop: number): boolean {
  let start = stop;
  while (start > 0 && stop - start < 12 && /[\p{L}.]/u.test(text[start - 1]!)) start--;
  const word = text.slice(start, stop);
  return ABBREVIATIONS.has(word) || /^(?:\p{Lu}\.)*\p{Lu}$/u.test(word);
}

// Where the main clause of a lead usually ends: an apposition, a list, a relative clause, an attribution.
const CLAUSE_BREAKS = [
  ", including ",
  ", such as ",
  ", which ",
  ", who ",
  ", where ",
  ", while ",
  ", during ",
  ", as well as ",
  " as well as ",
  ", according to ",
  ", said ",
  ", saying ",
  "; ",
  " – ",
  " - ",
  ", with ",
  ", after ",
  " after ",
  ", in a bid ",
  ", aiming ",
  ", the first ",
];

const DANGLING = new Set(
  "a an the and or of in on at to for with by from as that which who its their his her various several".split(" "),
);
/** Prepositions a long headline is best cut before, most natural first. */
const CUT_BEFORE = ["in", "at", "to", "with", "during", "under", "from", "as", "for", "on", "of"];

const MONTH =
  "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.";
const WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
// Date adverbials headlines leave out: "on Monday", "on November 18", "on 18 November 2021", "yesterday", "today".
const DATE_ADVERBIAL = new RegExp(
  ` (?:on (?:${WEEKDAY}|(?:${MONTH}) \\d{1,2}(?:, \\d{4})?|\\d{1,2} (?:${MONTH})(?: \\d{4})?)|yesterday|today|this (?:morning|week))(?=[ ,.;]|$)`,
  "g",
);
// A short parenthesis: an acronym, "(left)", "(R)".
const PARENTHESIS = / ?\([^()]{1,40}\)/g;

const TITLE_HEAD_WORDS = new Set(TITLE_HEADS.map((head) => head.split(" ").at(-1)!));

/**
 * A headline an editor would keep: the lead's first sentence cut to its main clause (before "including …", "which
 * …", an attribution "…, X said"), without dates, parentheses and ministers' portfolios, and to at most 15 words, cut
 * before a preposition rather than mid-phrase, never mid-word, without a dangling "and"/"the" at the end.
 * Linear in the lead's length.
 */
export function headlineFrom(lead: string): string {
  const end = firstSentenceEnd(lead);
  let sentence = (end >= 0 ? lead.slice(0, end) : lead).trim().replace(/[.!?]+$/, "");
  sentence = withoutAttribution(sentence);
  const lower = sentence.toLowerCase();
  let cut = sentence.length;
  for (const marker of CLAUSE_BREAKS) {
    const at = lower.indexOf(marker);
    if (at > 0 && at < cut && wordCount(sentence.slice(0, at)) >= MIN_WORDS) cut = at;
  }
  sentence = sentence.slice(0, cut).replace(DATE_ADVERBIAL, "").replace(PARENTHESIS, "");
  let words = withoutPortfolios(sentence.split(/\s+/).filter(Boolean));
  if (words.length > MAX_HEADLINE_WORDS) words = shorten(words);
  while (
    words.length > 1 &&
    DANGLING.has(
      words
        .at(-1)!
        .replace(/[,;:]$/, "")
        .toLowerCase(),
    )
  )
    words.pop();
  const headline = words.join(" ").replace(/[,;:]+$/, "");
  return headline.length <= 300 ? headline : `${headline.slice(0, 297).replace(/\s+\S*$/, "")}…`;
}

/** "…, Singapore's Ministry of Trade and Industry said on November 17" → the part before the attribution. */
function withoutAttribution(sentence: string): string {
  const comma = sentence.lastIndexOf(", ");
  if (comma < 0) return sentence;
  const tail = sentence.slice(comma + 2);
  if (
    /\b(said|says|told reporters|reported)\b/.test(tail) &&
    !tail.includes(",") &&
    wordCount(sentence.slice(0, comma)) >= MIN_WORDS
  ) {
    return sentence.slice(0, comma);
  }
  return sentence;
}

/** "Minister of Information and Communications Nguyen Manh Hung" → "Minister Nguyen Manh Hung". */
function withoutPortfolios(words: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < words.length; i++) {
    kept.push(words[i]!);
    if (!TITLE_HEAD_WORDS.has(words[i]!) || (words[i + 1] !== "of" && words[i + 1] !== "for")) continue;
    let j = i + 2;
    let portfolio = 0;
    while (j < words.length && j - i < 14) {
      const word = words[j]!.replace(/,$/, "");
      if (PORTFOLIO_WORDS.has(word)) portfolio++;
      else if (word !== "and" && word !== "&") break;
      if (words[j]!.endsWith(",") && !PORTFOLIO_WORDS.has(words[j + 1]?.replace(/,$/, "") ?? "")) break;
      j++;
    }
    // Only when a name follows: "Minister for Trade and Industry Gan Kim Yong".
    if (portfolio > 0 && /^\p{Lu}/u.test(words[j] ?? "") && !PORTFOLIO_WORDS.has(words[j]!)) i = j - 1;
  }
  return kept;
}

/**
 * At most 15 words: cut after the last comma among them (when it leaves 6 or more), else before the last preposition
 * among words 8–15 ("… Partnership to strengthen …"), else after the 15th word.
 */
function shorten(words: string[]): string[] {
  const kept = words.slice(0, MAX_HEADLINE_WORDS);
  const comma = kept.findLastIndex((word, index) => index >= MIN_WORDS - 1 && /,$/.test(word));
  if (comma >= 0) return kept.slice(0, comma + 1);
  for (const preposition of CUT_BEFORE) {
    for (let i = MAX_HEADLINE_WORDS; i >= 8; i--) {
      if (words[i]?.toLowerCase() !== preposition) continue;
      // "agreed to upgrade": the infinitive belongs to its verb.
      if (preposition === "to" && /(ed|agree|agrees|will|would|plans|aims|wants)$/.test(words[i - 1]!.toLowerCase())) continue;
      return words.slice(0, i);
    }
  }
  return kept;
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
