import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { BirthDate } from "../../contracts/beneficiaries.ts";
import { addDays, TIME_ZONE, today } from "../../contracts/calendar.ts";
import { planOnce } from "./database.ts";
import { setupTestEnv } from "./testing.ts";

const env = setupTestEnv();

// 23:30 UTC on 2 December is 00:30 on 3 December in Morocco (UTC+1 outside Ramadan).
const LATE_EVENING_UTC = "2026-12-02 23:30:00+00";

describe("Jisr's calendar", () => {
  it("counts days in Morocco, not in the clock's zone", () => {
    expect(today(new Date(LATE_EVENING_UTC))).toBe("2026-12-03");
    expect(today(new Date("2026-12-02T22:30:00Z"))).toBe("2026-12-02");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
  });

  it("gives the database sessions the same day as the code", async () => {
    const dayOf = `select (timestamptz '${LATE_EVENING_UTC}')::date::text as day, current_setting('TimeZone') as zone`;
    for (const q of [env.db, planOnce(env.db)]) {
      const { rows } = await q.execute(sql.raw(dayOf));
      expect(rows[0]).toEqual({ day: "2026-12-03", zone: TIME_ZONE });
    }
    const before = today();
    const { rows } = await env.pool.query("select current_date::text as day");
    expect([before, today()]).toContain(rows[0].day);
  });

  it("checks dates against the day in Morocco: a child born today is never in the future", () => {
    expect(today()).toBe(today(new Date()));
    expect(BirthDate.safeParse(today()).success).toBe(true);
    const tomorrow = BirthDate.safeParse(addDays(today(), 1));
    expect(tomorrow.error?.issues[0]?.message).toBe("validation.date_future");
  });
});
