import { beforeAll, describe, expect, it } from "vitest";
import { type Client, setupTestEnv } from "../platform/testing.ts";
import { loadDemoEstablishments } from "./establishments.demo.ts";

const env = setupTestEnv();
let figures: Awaited<ReturnType<typeof loadDemoEstablishments>>;
let admin: Client;

beforeAll(async () => {
  figures = await loadDemoEstablishments(env.db);
  admin = await env.userWith("administrator", "national");
});

describe("demo establishments", () => {
  it("covers every region and category, with the four cohorts and overdue inspection actions", async () => {
    expect(figures.establishments).toBe(120);
    expect(figures.cohorts).toBe(4);
    expect(figures.overdueActions).toBeGreaterThan(0);
    const overdue = (await admin.get("/api/v1/establishments?overdue=true&limit=200")).json().items;
    expect(overdue.length).toBeGreaterThan(0);
    for (const region of ["MA-01", "MA-06", "MA-12"])
      expect((await admin.get(`/api/v1/establishments?region=${region}`)).json().items).toHaveLength(10);
    const cohorts = (await admin.get("/api/v1/cohorts")).json().items;
    expect(
      cohorts.map((c: { actualCount: number }) => c.actualCount).sort((a: number, b: number) => a - b),
    ).toEqual([3, 12, 40, 108]);
    expect((await loadDemoEstablishments(env.db)).establishments).toBe(0);
  });
});
