export interface MentionSpec {
  /** The exact surface form to look for, e.g. "Tan Sri Annuar Musa" or "MyDIGITAL". */
  text: string;
  kind: string;
  refId: string | null;
  confidence: number;
}

export interface FoundMention extends MentionSpec {
  start: number;
  end: number;
}

const WORD_START = /^[\p{L}\p{N}\p{M}]/u;
const WORD_END = /[\p{L}\p{N}\p{M}]$/u;
const isShout = (word: string) => word.length >= 2 && /^[\p{Lu}\p{N}]+$/u.test(word) && /\p{Lu}/u.test(word);

/**
 * Finds every whole-word occurrence of the surface forms in the body, left to right: at each position the longest
 * form wins ("Malaysia Digital Economy Blueprint" over "Malaysia"), and matches never overlap. An all-capitals
 * form (an acronym or code such as "US") does not count inside a run of capitals ("THEY TOLD US NO").
 * Offsets are UTF-16 code units (JavaScript string indices), end exclusive.
 *
 * Occurrences are found with `indexOf` per form, not one alternation regex: a story's forms differ from every other
 * story's, so such a regex was compiled per call, which made this the costliest step of an ingestion (~1 ms a story).
 */
export function findMentions(body: string, specs: readonly MentionSpec[]): FoundMention[] {
  const byText = new Map<string, MentionSpec>();
  for (const spec of specs) if (spec.text && !byText.has(spec.text)) byText.set(spec.text, spec);
  if (byText.size === 0) return [];
  // Every occurrence that ends at a word boundary; at one start the longest comes first.
  const hits: { start: number; text: string }[] = [];
  for (const text of byText.keys()) {
    for (let at = body.indexOf(text); at !== -1; at = body.indexOf(text, at + 1)) {
      const end = at + text.length;
      if (!WORD_START.test(body.slice(end, end + 2)) && !insidePair(body, at)) hits.push({ start: at, text });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.text.length - a.text.length);
  const found: FoundMention[] = [];
  let next = 0;
  for (const { start, text } of hits) {
    if (start < next) continue;
    const end = start + text.length;
    // Inside a word: no form matches at this start; look again from the next character.
    if (WORD_END.test(body.slice(Math.max(0, start - 2), start))) {
      next = start + 1;
      continue;
    }
    next = end;
    if (isShout(text) && (isShout(wordBefore(body, start)) || isShout(wordAfter(body, end)))) continue;
    found.push({ ...byText.get(text)!, start, end });
  }
  return found;
}

/** The index falls between the halves of a surrogate pair (no match starts inside a character). */
const insidePair = (body: string, index: number) => {
  const code = body.charCodeAt(index);
  const before = index > 0 ? body.charCodeAt(index - 1) : 0;
  return code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff;
};

const wordBefore = (body: string, index: number) =>
  /([\p{L}\p{N}]+)[^\p{L}\p{N}]*$/u.exec(body.slice(Math.max(0, index - 40), index))?.[1] ?? "";
const wordAfter = (body: string, index: number) =>
  /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u.exec(body.slice(index, index + 40))?.[1] ?? "";
