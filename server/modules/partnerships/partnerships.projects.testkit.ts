import { expect } from "vitest";
import { daysFromToday } from "../../../contracts/calendar.ts";
import type { Db } from "../../platform/database.ts";
import type { Client } from "../../platform/testing.ts";
import { organizations } from "../organizations/index.ts";
import { conventionAxes, conventions } from "./partnerships.table.ts";

/** Shared set-up of the projects tests: organisations, a convention, a project, dates around today. */

let seq = 0;
export async function makeOrg(db: Db, nameFr: string, type: "partner" | "association" = "partner") {
  const [row] = await db
    .insert(organizations)
    .values({ type, nameFr, nameAr: null })
    .returning({ id: organizations.id });
  return row?.id as string;
}

/** A signed convention between the given organisations, with one axis. */
export async function makeConvention(db: Db, partyOrgIds: string[], regionCode: string | null = null) {
  seq += 1;
  const [c] = await db
    .insert(conventions)
    .values({
      reference: `CONV-T-${seq}-${Math.random().toString(36).slice(2, 8)}`,
      titleFr: `Convention test ${seq}`,
      type: "framework",
      status: "signed",
      regionCode,
      partyOrgIds,
    })
    .returning({ id: conventions.id });
  const [a] = await db
    .insert(conventionAxes)
    .values({ conventionId: c?.id as string, position: 1, titleFr: "Axe 1" })
    .returning({ id: conventionAxes.id });
  return { id: c?.id as string, axisId: a?.id as string };
}

export async function makeProject(client: Client, body: Record<string, unknown> = {}) {
  seq += 1;
  const res = await client.post("/api/v1/projects", {
    code: `PRJ-T-${seq}-${Math.random().toString(36).slice(2, 6)}`,
    titleFr: `Projet test ${seq}`,
    regionCode: "MA-06",
    sector: "establishments",
    startDate: daysFromToday(-200),
    endDate: daysFromToday(400),
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Adds a budget line and answers the project. */
export async function fund(client: Client, projectId: string, funderId: string, amountCentimes: number) {
  const res = await client.post(`/api/v1/projects/${projectId}/budget-lines`, {
    label: "Travaux",
    category: "works",
    funderId,
    amountCentimes,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
