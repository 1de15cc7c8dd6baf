import { beforeAll, describe, expect, it } from "vitest";
import { type Client, setupTestEnv } from "../../platform/testing.ts";
import { persons } from "../beneficiaries/index.ts";
import { residentStays } from "./establishments.residents.table.ts";
import { establishments } from "./establishments.table.ts";

/** The residents tab's three lists (requests, current, history), each paged with a cursor. */
const env = setupTestEnv();
let admin: Client;
let est: string;

const STATUSES = ["requested", "accepted", "admitted", "discharged", "refused"] as const;

beforeAll(async () => {
  admin = await env.userWith("national_officer", "national");
  const [e] = await env.db
    .insert(establishments)
    .values({
      code: "VIEWS-1",
      nameFr: "EPS pages",
      category: "elderly",
      regionCode: "MA-06",
      provinceCode: "MA-CAS",
      capacityMale: 200,
      capacityFemale: 200,
    })
    .returning({ id: establishments.id });
  est = e?.id as string;
  // 5 stays of each status, bulk-inserted
  const people = await env.db
    .insert(persons)
    .values(
      Array.from({ length: 25 }, (_, i) => ({
        firstNameLatin: `P${String(i).padStart(2, "0")}`,
        lastNameLatin: "Page",
        sex: "female" as const,
        birthDate: "1950-01-01",
        regionCode: "MA-06",
        provinceCode: "MA-CAS",
      })),
    )
    .returning({ id: persons.id });
  await env.db.insert(residentStays).values(
    people.map((p, i) => {
      const status = STATUSES[i % 5] ?? "requested";
      const admitted = status === "admitted" || status === "discharged";
      return {
        establishmentId: est,
        personId: p.id,
        sex: "female" as const,
        status,
        referralSource: "family" as const,
        requestReason: "test",
        requestedOn: "2026-01-01",
        admittedOn: admitted ? "2026-01-02" : null,
        dischargedOn: status === "discharged" ? "2026-01-20" : null,
        dischargeReason: status === "discharged" ? "retour" : null,
      };
    }),
  );
});

async function all(view: string, limit: number) {
  const seen: { id: string; status: string }[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const qs: string = `view=${view}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const res = await admin.get(`/api/v1/establishments/${est}/residents?${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 20);
  return { seen, pages };
}

describe("residents views", () => {
  it("pages each view with a cursor, without repeats, holding only its statuses", async () => {
    const requests = await all("requests", 3);
    expect(requests.seen).toHaveLength(10);
    expect(requests.pages).toBe(4);
    expect(new Set(requests.seen.map((s) => s.id)).size).toBe(10);
    expect(new Set(requests.seen.map((s) => s.status))).toEqual(new Set(["requested", "accepted"]));

    const current = await all("current", 2);
    expect(current.seen).toHaveLength(5);
    expect(current.seen.every((s) => s.status === "admitted")).toBe(true);

    const history = await all("history", 50);
    expect(history.pages).toBe(1);
    expect(new Set(history.seen.map((s) => s.status))).toEqual(new Set(["discharged", "refused"]));
  });

  it("refuses an unknown view, naming the parameter", async () => {
    const res = await admin.get(`/api/v1/establishments/${est}/residents?view=all`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe("view");
  });
});
