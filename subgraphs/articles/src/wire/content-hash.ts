import { createHash } from "node:crypto";

/**
 * Identity of a wire story's text: SHA-256 over the text with line endings and runs of white space normalized, so
 * the same story re-sent (or re-ingested after a retry) is recognized, while any change to its words is not.
 */
export function contentHash(text: string): string {
  const normalized = text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return createHash("sha256").update(normalized).digest("hex");
}
