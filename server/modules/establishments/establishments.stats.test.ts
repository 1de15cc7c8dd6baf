import { beforeAll, describe, expect, it } from "vitest";
import { type Client, setupTestEnv } from "../../platform/testing.ts";

const env = setupTestEnv();
let admin: Client;

const create = async (body: Record<string, unknown>) => {
  const res = await admin.post("/api/v1/establishments", body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

beforeAll(async () => {
  admin = await env.userWith("administrator", "national");
  await create({
    code: "ST-01",
    nameFr: "Centre Un",
    category: "elderly",
    regionCode: "MA-06",
    connectivity: "fibre",
  });
  await create({ code: "ST-02", nameFr: "Centre Deux", category: "elderly", regionCode: "MA-06" });
  await create({
    code: "ST-03",
    nameFr: "Foyer Trois",
    category: "children_in_difficulty",
    regionCode: "MA-06",
  });
  await create({
    code: "ST-04",
    nameFr: "Foyer Quatre",
    category: "elderly",
    regionCode: "MA-04",
    connectivity: "fibre",
  });
  const archived = await create({
    code: "ST-05",
    nameFr: "Archivé",
    category: "elderly",
    regionCode: "MA-04",
  });
  const res = await admin.post(`/api/v1/establishments/${archived.id}/archive`, {
    version: archived.version,
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
});

describe("establishment stats", () => {
  it("counts by region and category in one answer, archived excluded", async () => {
    const res = await admin.get("/api/v1/establishments/stats");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      byRegion: [
        { regionCode: "MA-04", count: 1 },
        { regionCode: "MA-06", count: 3 },
      ],
      byCategory: [
        { category: "elderly", count: 3 },
        { category: "children_in_difficulty", count: 1 },
      ],
      total: 4,
    });
  });

  it("applies the list's filters", async () => {
    const fibre = (await admin.get("/api/v1/establishments/stats?connectivity=fibre")).json();
    expect(fibre).toEqual({
      byRegion: [
        { regionCode: "MA-04", count: 1 },
        { regionCode: "MA-06", count: 1 },
      ],
      byCategory: [{ category: "elderly", count: 2 }],
      total: 2,
    });
    const q = (await admin.get("/api/v1/establishments/stats?q=foyer&region=MA-06")).json();
    expect(q).toEqual({
      byRegion: [{ regionCode: "MA-06", count: 1 }],
      byCategory: [{ category: "children_in_difficulty", count: 1 }],
      total: 1,
    });
    expect((await admin.get("/api/v1/establishments/stats?category=nope")).statusCode).toBe(400);
  });

  it("a regional officer of MA-06 only counts MA-06", async () => {
    const officer = await env.userWith("regional_officer", "region", "MA-06");
    const res = await officer.get("/api/v1/establishments/stats");
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.byRegion).toEqual([{ regionCode: "MA-06", count: 3 }]);
    expect(body.total).toBe(3);
    const other = (await officer.get("/api/v1/establishments/stats?region=MA-04")).json();
    expect(other.total).toBe(0);
    expect(other.byRegion).toEqual([]);
  });

  it("a partner may read; without a session it is 401", async () => {
    const partner = await env.userWith("partner", "national");
    const res = await partner.get("/api/v1/establishments/stats");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBe(4);
    const anon = await env.app.inject({ method: "GET", url: "/api/v1/establishments/stats" });
    expect(anon.statusCode).toBe(401);
  });
});
