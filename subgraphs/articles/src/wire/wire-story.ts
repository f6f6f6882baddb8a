/** A wire story as agencies such as VNA file it: a date line with the photo caption and credit, a
 * "Place (AGENCY) -" dateline opening the first paragraph, paragraphs, and "/." closing the last one.
 *
 * Every step is linear in the input's length: no regular expression here can backtrack over user text more than a
 * bounded number of characters (the size limit is checked before any of them runs). */
export interface WireStory {
  publishedOn: string;
  photo: { caption: string; credit: string | null } | null;
  dateline: { place: string; agency: string } | null;
  /** Paragraphs joined by a blank line; mention offsets point into this text. */
  body: string;
}

export class WireStoryError extends Error {
  override name = "WireStoryError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The longest story text accepted, in characters (checked before any parsing). */
export const MAX_STORY_CHARS = 200_000;

// Anchored at the start and bounded: one attempt each, whatever follows.
const DATE_LINE = /^date (\d{4})-(\d{2})-(\d{2})(?:\s|$)/;
const PHOTO_CREDIT = /^\(Photo:\s*([^)]{1,200})\)$/;
// "Kuala Lumpur (VNA) -", "Hà Nội (VNA) -", "Kuala Lumpur, Malaysia (Bernama) -"
const DATELINE = /^([\p{L}\p{M} .,'-]{2,80}) \(([A-Z][A-Za-z]{1,15})\)\s{0,5}[-–—]\s*/u;

/** The story's paragraphs: NFC text, any line ending, lines within a paragraph joined, white space collapsed. */
export function paragraphsOf(raw: string): string[] {
  const paragraphs: string[] = [];
  // One pass over lines: a line holding only white space ends a paragraph.
  let current: string[] = [];
  for (const line of raw.normalize("NFC").split(/\r\n|\r|\n/)) {
    const text = line.trim();
    if (text) current.push(text);
    else if (current.length) {
      paragraphs.push(current.join(" ").replace(/\s+/g, " "));
      current = [];
    }
  }
  if (current.length) paragraphs.push(current.join(" ").replace(/\s+/g, " "));
  return paragraphs;
}

/** A real calendar day in a plausible range, as YYYY-MM-DD; null otherwise (2023-02-31 is not 2023-03-03). */
function calendarDay(year: string, month: string, day: string): string | null {
  const text = `${year}-${month}-${day}`;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.toISOString().slice(0, 10) === text && Number(year) >= 1900 && Number(year) <= 2100 ? text : null;
}

/** Control characters other than tab and line breaks, or U+FFFD from a failed decoding: the text is not a story. */
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/g;

/** Throws a WireStoryError when the text is too long or looks binary; linear, before any other work. */
export function checkStoryText(raw: string): void {
  if (raw.length > MAX_STORY_CHARS) {
    throw new WireStoryError("text", `The story is ${raw.length} characters long; at most ${MAX_STORY_CHARS} are accepted.`);
  }
  const binary = raw.match(BINARY)?.length ?? 0;
  if (binary > 0) {
    throw new WireStoryError("text", `The text holds ${binary} control or undecodable character(s): it is not a wire story.`);
  }
}

/** Splits "caption (Photo: credit)" at its last "(Photo:", in linear time. */
function splitCaption(text: string): WireStory["photo"] {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const at = trimmed.lastIndexOf("(Photo:");
  const credit = at >= 0 ? PHOTO_CREDIT.exec(trimmed.slice(at)) : null;
  if (!credit) return { caption: trimmed, credit: null };
  const caption = trimmed.slice(0, at).trim();
  return caption ? { caption, credit: credit[1]!.trim() } : null;
}

/** Parses a raw wire story; throws WireStoryError naming the part that is missing or malformed. */
export function parseWireStory(raw: string): WireStory {
  checkStoryText(raw);
  const paragraphs = paragraphsOf(raw);
  const first = paragraphs.shift();
  const dateMatch = first ? DATE_LINE.exec(first) : null;
  if (!first || !dateMatch) {
    throw new WireStoryError("text", "A wire story starts with a date line: `date YYYY-MM-DD` and the photo caption.");
  }
  const [, year, month, day] = dateMatch as unknown as [string, string, string, string];
  const publishedOn = calendarDay(year, month, day);
  if (!publishedOn) {
    throw new WireStoryError("text", `The date line's ${year}-${month}-${day} is not a calendar day between 1900 and 2100.`);
  }
  const photo = splitCaption(first.slice(dateMatch[0].length));

  let dateline: WireStory["dateline"] = null;
  const lead = paragraphs[0];
  const datelineMatch = lead ? DATELINE.exec(lead.slice(0, 120)) : null;
  if (lead && datelineMatch) {
    dateline = { place: datelineMatch[1]!.trim(), agency: datelineMatch[2]! };
    paragraphs[0] = lead.slice(datelineMatch[0].length);
  }
  const lastIndex = paragraphs.length - 1;
  if (lastIndex >= 0) paragraphs[lastIndex] = withoutEndMark(paragraphs[lastIndex]!);
  const body = paragraphs.filter((paragraph) => paragraph.length > 0).join("\n\n");
  if (!body) throw new WireStoryError("text", "The story has no body text after its date line.");
  return { publishedOn, photo, dateline, body };
}

/** The closing "/." (with or without a space before it) removed. */
function withoutEndMark(paragraph: string): string {
  const text = paragraph.trimEnd();
  return text.endsWith("/.") ? text.slice(0, -2).trimEnd() : text;
}
