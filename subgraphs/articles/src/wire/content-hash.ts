import { createHash } from "node:crypto";

/**
 * Identity of a wire story: SHA-256 over its parsed body (Unicode NFC, line endings, line wrapping and runs of white
 * space normalized, date line, caption, dateline and the closing "/." left out), so the same story re-sent, re-wrapped,
 * re-encoded or re-captioned is recognized, while any change to its words is not. Migration 0004 computes the same
 * value in SQL (`sha256` of the stored body) for articles stored before.
 */
export function contentHash(body: string): string {
  return createHash("sha256").update(body, "utf8").digest("hex");
}
