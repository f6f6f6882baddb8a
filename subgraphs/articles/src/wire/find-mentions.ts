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

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const WORD = "[\\p{L}\\p{N}\\p{M}]";
const WORD_BEFORE = new RegExp(`${WORD}$`, "u");
const isShout = (word: string) => word.length >= 2 && /^[\p{Lu}\p{N}]+$/u.test(word) && /\p{Lu}/u.test(word);

/**
 * Finds every whole-word occurrence of the surface forms in the body in one pass: at each position the longest
 * form wins ("Malaysia Digital Economy Blueprint" over "Malaysia"), and matches never overlap. An all-capitals
 * form (an acronym or code such as "US") does not count inside a run of capitals ("THEY TOLD US NO").
 * Offsets are UTF-16 code units (JavaScript string indices), end exclusive.
 */
export function findMentions(body: string, specs: readonly MentionSpec[]): FoundMention[] {
  const byText = new Map<string, MentionSpec>();
  for (const spec of specs) if (spec.text && !byText.has(spec.text)) byText.set(spec.text, spec);
  if (byText.size === 0) return [];
  const alternatives = [...byText.keys()].sort((a, b) => b.length - a.length).map(escape);
  // The word boundary before a match is checked by hand: a lookbehind first would run at every position of the body,
  // where the alternation alone lets the engine skip ahead to the forms' first characters.
  const pattern = new RegExp(`(?:${alternatives.join("|")})(?!${WORD})`, "gu");
  const found: FoundMention[] = [];
  for (let match = pattern.exec(body); match; match = pattern.exec(body)) {
    const text = match[0];
    const start = match.index;
    const end = start + text.length;
    if (WORD_BEFORE.test(body.slice(Math.max(0, start - 2), start))) {
      // Inside a word: look again from the next character, as the lookbehind would have.
      pattern.lastIndex = start + ((body.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    if (isShout(text) && (isShout(wordBefore(body, start)) || isShout(wordAfter(body, end)))) continue;
    found.push({ ...byText.get(text)!, start, end });
  }
  return found;
}

const wordBefore = (body: string, index: number) =>
  /([\p{L}\p{N}]+)[^\p{L}\p{N}]*$/u.exec(body.slice(Math.max(0, index - 40), index))?.[1] ?? "";
const wordAfter = (body: string, index: number) =>
  /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u.exec(body.slice(index, index + 40))?.[1] ?? "";
