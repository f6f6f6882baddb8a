import { createHash } from "node:crypto";
import { paragraphsOf } from "./wire-story.js";

/**
 * Identity of a wire story's text: SHA-256 over its paragraphs as the parser reads them (Unicode NFC, line endings,
 * line wrapping and runs of white space normalized), so the same story re-sent, re-wrapped or re-encoded is
 * recognized, while any change to its words is not.
 */
export function contentHash(text: string): string {
  return createHash("sha256").update(paragraphsOf(text).join("\n\n")).digest("hex");
}
