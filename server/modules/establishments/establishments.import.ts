import { z } from "zod";
import { LOCALES, optionalText } from "../../../contracts/common.ts";
import {
  type Establishment,
  establishmentFields,
  type ImportResult,
} from "../../../contracts/establishments.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { AuthenticatedContext } from "../../platform/context.ts";
import type { Db, Queryable } from "../../platform/database.ts";
import { t } from "../../platform/i18n.ts";
import {
  type ImportColumn,
  type ImportFormat,
  importFailed,
  readTable,
  rowIssue,
  toRows,
  validateRows,
} from "../../platform/import.ts";
import { accessFor, reaches } from "../../platform/scope.ts";
import * as repo from "./establishments.repository.ts";
import { currentResidents } from "./establishments.residents.service.ts";
import { establishmentScopeValues } from "./establishments.scope.ts";
import { ENTITY, editable, resolvePlace } from "./establishments.service.ts";

/** Columns of the import file, in the order of the export; `managingOrganization` takes an id or a French name. */
export const IMPORT_KEYS = [
  "code",
  "nameFr",
  "nameAr",
  "category",
  "managingOrganization",
  "regionCode",
  "provinceCode",
  "commune",
  "address",
  "latitude",
  "longitude",
  "openingDate",
  "phone",
  "email",
  "directorName",
  "authorisationStatus",
  "authorisationNumber",
  "authorisationIssuedOn",
  "authorisationExpiresOn",
  "capacityMale",
  "capacityFemale",
  "connectivity",
  "connectivitySince",
  "solarKwp",
  "solarInstalledOn",
  "hotWater",
] as const;
type ImportKey = (typeof IMPORT_KEYS)[number];
const NUMERIC = new Set<ImportKey>(["latitude", "longitude", "capacityMale", "capacityFemale", "solarKwp"]);
const REQUIRED = new Set<ImportKey>(["code", "nameFr", "category"]);

const aliases = (key: string) => LOCALES.map((l) => t(l, `establishments.fields.${key}`));
export const IMPORT_COLUMNS: ImportColumn[] = [
  ...IMPORT_KEYS.map((key) => ({
    key,
    aliases: aliases(key),
    type: NUMERIC.has(key) ? ("number" as const) : ("text" as const),
    required: REQUIRED.has(key),
  })),
  { key: "overdueActions", aliases: aliases("overdueActions"), ignored: true },
];

const {
  managingOrganizationId: _m,
  connectivityFunderId: _c,
  solarFunderId: _s,
  ...rowFields
} = establishmentFields;
const ImportRowSchema = z.strictObject({ ...rowFields, managingOrganization: optionalText(200) });
type ImportRowData = z.infer<typeof ImportRowSchema>;

/** Values a column holds when its cell is empty: the column's default, or null. */
const EMPTY: Partial<Record<string, unknown>> = {
  authorisationStatus: "pending",
  capacityMale: 0,
  capacityFemale: 0,
  connectivity: "none",
  hotWater: "none",
};

type Editable = ReturnType<typeof editable>;

/**
 * The registry's rule on updated rows too: a capacity the file changes cannot go below the
 * residents admitted now (a column absent from the file leaves the stored capacity alone).
 */
async function capacityBelowResidents(
  tx: Queryable,
  current: { id: string; capacityMale: number; capacityFemale: number },
  data: ImportRowData,
  present: Set<string>,
) {
  const residents = await currentResidents(tx, current.id);
  for (const [column, sex] of [
    ["capacityMale", "male"],
    ["capacityFemale", "female"],
  ] as const) {
    if (!present.has(column)) continue;
    const capacity = data[column] ?? 0;
    if (capacity !== current[column] && capacity < residents[sex])
      return { column, capacity, count: residents[sex] };
  }
  return null;
}

/**
 * Import of establishments: every row is checked (shape, place, scope, organisation, code)
 * before anything is written; one bad row and nothing is written. Rows are matched on the
 * establishment code: a row identical to the stored establishment changes nothing.
 */
export async function importEstablishments(
  db: Db,
  ctx: AuthenticatedContext,
  body: Buffer,
  format: ImportFormat,
): Promise<ImportResult> {
  const access = accessFor(ctx.actor, "establishments.write");
  const table = await readTable(body, format);
  const rows = toRows(table, IMPORT_COLUMNS);
  const present = new Set(table[0]?.length ? rows.flatMap((r) => Object.keys(r.cells)) : []);
  const { valid, issues } = validateRows(rows, IMPORT_COLUMNS, ImportRowSchema);

  return db.transaction(async (tx) => {
    const seen = new Map<string, number>();
    for (const { row, data } of valid) {
      const first = seen.get(data.code);
      if (first !== undefined) issues.push(rowIssue(row, "code", "establishments.duplicate_code", { first }));
      else seen.set(data.code, row);
    }
    const existing = new Map((await repo.byCodes(tx, [...seen.keys()])).map((e) => [e.code, e]));
    const orgRefs = [
      ...new Set(valid.map((v) => v.data.managingOrganization).filter((x): x is string => !!x)),
    ];
    const orgs = await repo.organizationsByRef(tx, orgRefs);
    const orgOf = (ref: string) => {
      const byId = orgs.filter((o) => o.id === ref);
      if (byId.length) return byId;
      return orgs.filter((o) => o.nameFr.toLowerCase() === ref.toLowerCase());
    };

    const plan: {
      row: number;
      data: ImportRowData;
      orgId: string | null;
      place: { regionCode: string; provinceCode: string | null };
      id: string | null;
    }[] = [];
    for (const { row, data } of valid) {
      let orgId: string | null = null;
      if (data.managingOrganization) {
        const matches = orgOf(data.managingOrganization);
        if (matches.length !== 1) {
          issues.push(
            rowIssue(
              row,
              "managingOrganization",
              matches.length
                ? "establishments.organization_ambiguous"
                : "establishments.organization_not_found",
            ),
          );
          continue;
        }
        orgId = matches[0]?.id ?? null;
      }
      const current = existing.get(data.code);
      if (current && !reaches(access, establishmentScopeValues(current))) {
        issues.push(rowIssue(row, "code", "establishments.code_taken"));
        continue;
      }
      const place = await resolvePlace(
        tx,
        access,
        {
          regionCode: data.regionCode ?? (present.has("regionCode") ? null : current?.regionCode),
          provinceCode: data.provinceCode ?? (present.has("provinceCode") ? null : current?.provinceCode),
          managingOrganizationId: present.has("managingOrganization")
            ? orgId
            : current?.managingOrganizationId,
        },
        current?.id ?? null,
      );
      if ("path" in place) {
        issues.push(rowIssue(row, place.path, place.code));
        continue;
      }
      if (current) {
        const below = await capacityBelowResidents(tx, current, data, present);
        if (below) {
          issues.push(rowIssue(row, below.column, "establishments.import_capacity_below_residents", below));
          continue;
        }
      }
      plan.push({ row, data, orgId, place, id: current?.id ?? null });
    }
    if (issues.length) {
      issues.sort((a, b) => Number(a.params?.row) - Number(b.params?.row));
      throw importFailed(issues);
    }

    const result: ImportResult = { created: 0, updated: 0, unchanged: 0 };
    for (const p of plan) {
      const values: Record<string, unknown> = {};
      for (const key of IMPORT_KEYS) {
        if (!present.has(key) || key === "managingOrganization") continue;
        values[key] = (p.data as Record<string, unknown>)[key] ?? EMPTY[key] ?? null;
      }
      if (present.has("managingOrganization")) values.managingOrganizationId = p.orgId;
      Object.assign(values, p.place);
      if (!p.id) {
        const id = await repo.insert(tx, values as repo.EstablishmentInsert);
        const row = await repo.find(tx, access, id);
        if (!row) continue;
        const created: Establishment = { ...row, staff: [], cohorts: [] };
        await recordAudit(tx, ctx, {
          action: "establishment.create",
          entityType: ENTITY,
          entityId: id,
          after: { ...editable(created), importRow: p.row },
        });
        result.created++;
        continue;
      }
      const row = await repo.find(tx, access, p.id, { lock: true });
      if (!row) continue;
      const before: Establishment = { ...row, staff: await repo.staffOf(tx, p.id), cohorts: [] };
      const current = editable(before) as Record<string, unknown>;
      const changed = Object.keys(values).filter(
        (k) => JSON.stringify(current[k as keyof Editable] ?? null) !== JSON.stringify(values[k] ?? null),
      );
      if (!changed.length) {
        result.unchanged++;
        continue;
      }
      await repo.update(tx, p.id, values as Partial<repo.EstablishmentInsert>);
      const afterRow = await repo.find(tx, access, p.id);
      if (!afterRow) continue;
      await recordAudit(tx, ctx, {
        action: "establishment.update",
        entityType: ENTITY,
        entityId: p.id,
        before: editable(before),
        after: editable({ ...afterRow, staff: before.staff, cohorts: [] }),
      });
      result.updated++;
    }
    await recordAudit(tx, ctx, {
      action: "establishment.import",
      entityType: ENTITY,
      entityId: null,
      after: { format, rows: plan.length, ...result },
    });
    return result;
  });
}
