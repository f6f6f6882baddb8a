/** Tokens and sentences of a story body: one pass each, linear in the body's length. */

export interface Token {
  text: string;
  start: number;
  end: number;
  /** word: letters/digits (with inner hyphens and apostrophes, or an abbreviation such as U.S.); possessive: ’s / 's. */
  kind: "word" | "punct" | "possessive";
  /** Index of the sentence the token is in. */
  sentence: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Tokens [from, to) of the sentence. */
  from: number;
  to: number;
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{M}\p{N}]/u.test(char);
const isApostrophe = (char: string | undefined) => char === "'" || char === "’";
const isUpper = (char: string | undefined) => char !== undefined && /\p{Lu}/u.test(char);

/** Splits a text into word, possessive and punctuation tokens (white space dropped). */
export function tokenize(text: string): Omit<Token, "sentence">[] {
  return tokensOf(text);
}

/** `tokenize`, each token with a `sentence` of 0 for `sentencesOf` to set (one object per token, not a copy). */
function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (isApostrophe(char) && (text[i + 1] === "s" || text[i + 1] === "S") && !isWordChar(text[i + 2])) {
      tokens.push({ text: text.slice(i, i + 2), start: i, end: i + 2, kind: "possessive", sentence: 0 });
      i += 2;
      continue;
    }
    if (!isWordChar(char)) {
      tokens.push({ text: char, start: i, end: i + 1, kind: "punct", sentence: 0 });
      i++;
      continue;
    }
    // An abbreviation of single capitals with stops: U.S., U.K., D.C.
    if (isUpper(char) && text[i + 1] === "." && isUpper(text[i + 2]) && text[i + 3] === ".") {
      let j = i;
      while (isUpper(text[j]) && text[j + 1] === "." && j - i < 12) j += 2;
      tokens.push({ text: text.slice(i, j), start: i, end: j, kind: "word", sentence: 0 });
      i = j;
      continue;
    }
    let j = i + 1;
    for (;;) {
      while (isWordChar(text[j])) j++;
      // Inner hyphens and apostrophes (Hye-sook, O'Brien), but not a possessive ’s.
      const joiner = text[j];
      if ((joiner === "-" || joiner === "‑") && isWordChar(text[j + 1])) {
        j += 2;
        continue;
      }
      if (
        isApostrophe(joiner) &&
        isWordChar(text[j + 1]) &&
        !((text[j + 1] === "s" || text[j + 1] === "S") && !isWordChar(text[j + 2]))
      ) {
        j += 2;
        continue;
      }
      // A decimal number: 12.4
      if (joiner === "." && /\d/.test(text[j - 1]!) && /\d/.test(text[j + 1] ?? "")) {
        j += 2;
        continue;
      }
      break;
    }
    tokens.push({ text: text.slice(i, j), start: i, end: j, kind: "word", sentence: 0 });
    i = j;
  }
  return tokens;
}

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set(
  "Dr Mr Mrs Ms Prof Gen Col Lt Sen Rep Gov St No Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Inc Ltd Co Corp Bhd Jr Sr vs Dato".split(
    " ",
  ),
);

/** Sentence spans of a body (paragraphs are separated by a blank line), with their tokens. */
export function sentencesOf(body: string): { tokens: Token[]; sentences: Sentence[] } {
  const raw = tokensOf(body);
  const sentences: Sentence[] = [];
  let from = 0;
  const close = (to: number) => {
    if (to > from) {
      sentences.push({ start: raw[from]!.start, end: raw[to - 1]!.end, from, to });
      for (let k = from; k < to; k++) raw[k]!.sentence = sentences.length - 1;
    }
    from = to;
  };
  for (let k = 0; k < raw.length; k++) {
    const token = raw[k]!;
    const next = raw[k + 1];
    // A paragraph break ends a sentence.
    if (next && hasLineBreak(body, token.end, next.start)) {
      close(k + 1);
      continue;
    }
    if (token.kind !== "punct" || !/[.!?]/.test(token.text)) continue;
    if (!next) continue;
    const after = next.text === "“" || next.text === '"' || next.text === "‘" || next.text === "(" ? raw[k + 2] : next;
    if (!after || !/^[\p{Lu}\p{N}]/u.test(after.text)) continue;
    const before = raw[k - 1];
    if (token.text === "." && before && before.end === token.start && before.kind === "word") {
      if (ABBREVIATIONS.has(before.text) || /^\p{Lu}$/u.test(before.text)) continue;
    }
    close(k + 1);
  }
  close(raw.length);
  return { tokens: raw, sentences };
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/**
 * Finds phrases of a lexicon in a token stream: each phrase is a sequence of token texts; at each position the longest
 * phrase wins. Phrases are at most `maxTokens` long, so matching is linear in the number of tokens.
 */
export class PhraseMatcher<T> {
  private readonly root: TrieNode<T> = { next: new Map() };
  private maxTokens = 0;

  constructor(private readonly normalize: (text: string) => string = (text) => text) {}

  add(phrase: string, value: T): this {
    const words = tokenize(phrase).map((token) => this.normalize(token.text));
    if (!words.length) return this;
    let node = this.root;
    for (const word of words) {
      let child = node.next.get(word);
      if (!child) node.next.set(word, (child = { next: new Map() }));
      node = child;
    }
    if (node.value === undefined) node.value = value;
    this.maxTokens = Math.max(this.maxTokens, words.length);
    return this;
  }

  /** The longest phrase starting at token `at` (ending before `limit`), as [value, tokens it spans]. */
  matchAt(tokens: readonly { text: string }[], at: number, limit = tokens.length): [T, number] | undefined {
    let node: TrieNode<T> | undefined = this.root;
    let found: [T, number] | undefined;
    for (let k = at; k < limit && k - at < this.maxTokens; k++) {
      node = node.next.get(this.normalize(tokens[k]!.text));
      if (!node) break;
      if (node.value !== undefined) found = [node.value, k - at + 1];
    }
    return found;
  }
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  value?: T;
}
