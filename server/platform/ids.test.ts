import { describe, expect, it } from "vitest";
import { newId } from "./ids.ts";

describe("newId", () => {
  it("makes UUIDv7 ids that sort in the order they were made, many per millisecond", () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    expect(
      ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)),
    ).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    // Their time is now's, to the millisecond (the counter borrows at most a few).
    const ms = Number.parseInt(ids.at(-1)?.replace(/-/g, "").slice(0, 12) ?? "", 16);
    expect(Math.abs(ms - Date.now())).toBeLessThan(1000);
  });
});
