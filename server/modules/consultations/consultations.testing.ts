import { expect } from "vitest";
import type { Client, TestEnv } from "../../platform/testing.ts";

/** Test helpers of the consultations module: organisations, their users, a proposal through the API. */
export async function organization(admin: Client, nameFr: string, regionCode: string, type = "association") {
  const res = await admin.post("/api/v1/organizations", { type, nameFr, regionCode });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; nameFr: string };
}

export const proposalBody = (overrides: Record<string, unknown> = {}) => ({
  theme: "child_protection",
  regionCode: "MA-06",
  provinceCode: "MA-CAS",
  title: "Un centre d'écoute pour les enfants",
  description: "Ouvrir un centre d'écoute et d'orientation dans le quartier.",
  estimatedCostCentimes: 45_000_000,
  targetGroup: "Enfants de 6 à 17 ans",
  ...overrides,
});

export async function submit(client: Client, overrides: Record<string, unknown> = {}) {
  const res = await client.post("/api/v1/proposals", proposalBody(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; status: string; organizationId: string };
}

export async function move(client: Client, id: string, action: string, note?: string) {
  const current = (await client.get(`/api/v1/proposals/${id}`)).json();
  const res = await client.post(`/api/v1/proposals/${id}/transitions`, {
    version: current.version,
    action,
    ...(note ? { note } : {}),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export async function auditActions(env: TestEnv, id: string) {
  const rows = await env.pool.query("select action from audit_events where entity_id = $1 order by id", [id]);
  return rows.rows.map((r) => r.action as string);
}
