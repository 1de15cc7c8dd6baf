import { ensureUser } from "../modules/access/index.ts";
import { organizations } from "../modules/organizations/index.ts";
import { recordAudit } from "../platform/audit.ts";
import { systemContext } from "../platform/context.ts";
import type { Db } from "../platform/database.ts";
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  type DemoOrganization,
  NATIONAL_ORGANIZATIONS,
  REGIONAL_ORGANIZATIONS,
} from "./demo.data.ts";
import { loadDemoEstablishments } from "./establishments.demo.ts";
import { loadDemoIndicators } from "./indicators.demo.ts";
import { loadDemoPartnerships } from "./partnerships.demo.ts";
import { loadDemoPersons } from "./persons.demo.ts";
import { loadDemoPrograms } from "./programs.demo.ts";
import { loadDemoProposals } from "./proposals.demo.ts";
import { loadDemoResidents } from "./residents.demo.ts";

/**
 * Loads the demo dataset, one part after another (organisations and users,
 * persons and households, programmes and applications, establishments,
 * their residents and projects); every row created
 * through a module is audited as created by "system". Returns the figures,
 * and a public tracking code to try the citizen status page with.
 */
export async function loadDemoData(db: Db) {
  const ids = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (const o of [...NATIONAL_ORGANIZATIONS, ...REGIONAL_ORGANIZATIONS]) {
      const values = toRow(o, ids);
      const [row] = await tx.insert(organizations).values(values).returning({ id: organizations.id });
      const id = row?.id as string;
      ids.set(o.key, id);
      await recordAudit(tx, systemContext("demo"), {
        action: "organization.create",
        entityType: "organization",
        entityId: id,
        after: values,
      });
    }
  });
  for (const u of DEMO_USERS) {
    const scopeRef = u.scopeType === "organization" ? (ids.get(u.scope as string) ?? null) : u.scope;
    await ensureUser(db, {
      email: u.email,
      fullName: u.fullName,
      password: DEMO_PASSWORD,
      roles: [{ role: u.role, scopeType: u.scopeType, scopeRef }],
    });
  }
  const persons = await loadDemoPersons(db);
  const programs = await loadDemoPrograms(db);
  // ~300 establishments (25 per region) with 60 days of attendance, as the establishments issue asks.
  const establishments = await loadDemoEstablishments(db, { perRegion: 25 });
  const residents = await loadDemoResidents(db, { days: 60 });
  // The conventions of the source texts (CDG, Groupe OCP and UM6P, Casablanca-Settat) and their projects in every region.
  const partnerships = await loadDemoPartnerships(db);
  // Indicators of the source texts, targets per region and period, entered measurements.
  await loadDemoIndicators(db);
  // Stakeholder proposals at every status; one retained proposal became a project.
  const proposals = await loadDemoProposals(db);
  return { persons, programs, establishments, residents, partnerships, proposals };
}

function toRow(o: DemoOrganization, ids: Map<string, string>) {
  return {
    type: o.type,
    nameFr: o.nameFr,
    nameAr: o.nameAr,
    acronym: o.acronym ?? null,
    regionCode: o.regionCode ?? null,
    provinceCode: o.provinceCode ?? null,
    parentId: o.parentKey ? (ids.get(o.parentKey) ?? null) : null,
    website: o.website ?? null,
  };
}
