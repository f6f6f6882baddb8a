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

/**
 * Finds every whole-word occurrence of each surface form in the body. Longer forms win where forms overlap
 * ("Malaysia Digital Economy Blueprint" over "Malaysia"), so each span of text is one mention.
 * Offsets are UTF-16 code units (JavaScript string indices), end exclusive.
 */
export function findMentions(body: string, specs: readonly MentionSpec[]): FoundMention[] {
  const found: FoundMention[] = [];
  const taken: boolean[] = new Array(body.length).fill(false);
  for (const spec of [...specs].sort((a, b) => b.text.length - a.text.length)) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(spec.text)}(?![\\p{L}\\p{N}])`, "gu");
    for (const match of body.matchAll(pattern)) {
      const start = match.index;
      const end = start + spec.text.length;
      if (taken.slice(start, end).some(Boolean)) continue;
      taken.fill(true, start, end);
      found.push({ ...spec, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
