import { createHash, randomUUID } from "node:crypto";

// Fixed namespace for this project's name-based UUIDs (RFC 9562 version 5).
const NAMESPACE = Buffer.from("5d3f4c9e8b7a4e1f9a2b6c7d8e9f0a1b", "hex");

/**
 * A stable, opaque entity id derived from a natural key, e.g. `stableId("official", "annuar-musa")`.
 * The same key gives the same id on every machine and every re-ingestion, so seed data and other
 * subgraphs can reference an entity before (or without) asking its owner.
 */
export function stableId(kind: string, naturalKey: string): string {
  const hash = createHash("sha1").update(NAMESPACE).update(`${kind}:${naturalKey}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A fresh random id for entities created through the API. */
export const newId = (): string => randomUUID();
