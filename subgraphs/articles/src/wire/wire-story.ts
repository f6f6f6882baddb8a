/** A wire story as agencies such as VNA file it: a date line with the photo caption and credit, a
 * "Place (AGENCY) -" dateline opening the first paragraph, paragraphs, and "/." closing the last one. */
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

const DATE_LINE = /^date (\d{4})-(\d{2})-(\d{2})\s*(.*)$/s;
const PHOTO_CREDIT = /\s*\(Photo:\s*([^)]+)\)\s*$/;
// "Kuala Lumpur (VNA) -", "Hà Nội (VNA) -", "Kuala Lumpur, Malaysia (Bernama) -"
const DATELINE = /^([\p{L}\p{M} .,'-]{2,80}) \(([A-Z][A-Za-z]{1,15})\)\s*[-–—]\s*/u;

/** The story's paragraphs: NFC text, any line ending, lines within a paragraph joined, white space collapsed. */
export function paragraphsOf(raw: string): string[] {
  return raw
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim().replace(/\s+/g, " "))
    .filter((paragraph) => paragraph.length > 0);
}

/** A real calendar day in a plausible range, as YYYY-MM-DD; null otherwise (2023-02-31 is not 2023-03-03). */
function calendarDay(year: string, month: string, day: string): string | null {
  const text = `${year}-${month}-${day}`;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.toISOString().slice(0, 10) === text && Number(year) >= 1900 && Number(year) <= 2100 ? text : null;
}

/** Parses a raw wire story; throws WireStoryError naming the part that is missing or malformed. */
export function parseWireStory(raw: string): WireStory {
  const paragraphs = paragraphsOf(raw);
  const first = paragraphs.shift();
  const dateMatch = first ? DATE_LINE.exec(first) : null;
  if (!dateMatch) {
    throw new WireStoryError("text", "A wire story starts with a date line: `date YYYY-MM-DD` and the photo caption.");
  }
  const [, year, month, day, captionText] = dateMatch as unknown as [string, string, string, string, string];
  const publishedOn = calendarDay(year, month, day);
  if (!publishedOn) {
    throw new WireStoryError("text", `The date line's ${year}-${month}-${day} is not a calendar day between 1900 and 2100.`);
  }

  let photo: WireStory["photo"] = null;
  if (captionText.trim()) {
    const credit = PHOTO_CREDIT.exec(captionText);
    photo = {
      caption: (credit ? captionText.slice(0, credit.index) : captionText).trim(),
      credit: credit ? credit[1]!.trim() : null,
    };
  }

  let dateline: WireStory["dateline"] = null;
  const lead = paragraphs[0];
  const datelineMatch = lead ? DATELINE.exec(lead) : null;
  if (lead && datelineMatch) {
    dateline = { place: datelineMatch[1]!.trim(), agency: datelineMatch[2]! };
    paragraphs[0] = lead.slice(datelineMatch[0].length);
  }
  const lastIndex = paragraphs.length - 1;
  if (lastIndex >= 0) paragraphs[lastIndex] = paragraphs[lastIndex]!.replace(/\s*\/\.\s*$/, "");
  const body = paragraphs.filter((paragraph) => paragraph.length > 0).join("\n\n");
  if (!body) throw new WireStoryError("text", "The story has no body text after its date line.");
  return { publishedOn, photo, dateline, body };
}
