import { describe, expect, it } from "vitest";
import { Backoff } from "../../scripts/supervisor/backoff.js";

describe("the supervisor's restart back-off", () => {
  it("doubles the delay of a process that keeps dying, up to 30 s", () => {
    const backoff = new Backoff();
    expect(Array.from({ length: 9 }, () => backoff.next(100))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it("starts over once a run has lasted long enough to count as stable", () => {
    const backoff = new Backoff(500, 30_000, 30_000);
    backoff.next(100);
    backoff.next(100);
    expect(backoff.next(100)).toBe(2_000);
    expect(backoff.next(30_000)).toBe(500);
    expect(backoff.next(29_999)).toBe(1_000);
  });
});
