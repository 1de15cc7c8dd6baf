import type { z } from "zod";
import {
  CreatePersonBody,
  DISABILITY_TYPES,
  MARITAL_STATUSES,
  RELATIONSHIPS,
  Relationship,
  SCHOOLING_LEVELS,
  SEXES,
} from "../../../contracts/beneficiaries.ts";
import { LOCALES, optionalText } from "../../../contracts/common.ts";
import {
  PERSON_IMPORT_KEYS,
  PERSON_IMPORT_REQUIRED,
  type PersonImportKey,
} from "../../../contracts/person-imports.ts";
import type { FieldIssue } from "../../platform/errors.ts";
import { t } from "../../platform/i18n.ts";
import { type ImportColumn, rowIssue, toRows, validateRows } from "../../platform/import.ts";
import { type Access, reaches } from "../../platform/scope.ts";

/**
 * One row of a person import: the person contract's rules (contracts/beneficiaries.ts) plus
 * the household columns, checked through the platform's import mechanism so messages are
 * the same as everywhere else; then the place (province known, region consistent, within
 * the importer's scope), which needs the province directory loaded once per import.
 */

/** Header label of a column in each language: the person's field label, or this module's own. */
export const columnLabel = (locale: (typeof LOCALES)[number], key: string) =>
  key === "householdRef" || key === "row" || key === "errors"
    ? t(locale, `personImports.columns.${key}`)
    : t(locale, `beneficiaries.fields.${key}`);

const aliases = (key: string) => LOCALES.map((l) => columnLabel(l, key));

export const IMPORT_COLUMNS: ImportColumn[] = [
  ...PERSON_IMPORT_KEYS.map((key) => ({
    key,
    aliases: aliases(key),
    required: PERSON_IMPORT_REQUIRED.includes(key),
  })),
  // The rejected-rows report re-imports as is once corrected: its two extra columns are skipped.
  { key: "row", aliases: aliases("row"), ignored: true },
  { key: "errors", aliases: aliases("errors"), ignored: true },
];

export const RowSchema = CreatePersonBody.extend({
  householdRef: optionalText(60),
  relationship: Relationship.nullable().optional(),
});
export type ImportedPerson = z.infer<typeof RowSchema>;

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");

/** Values of a coded column may be written as the code or its label in any language. */
function labelMap(codes: readonly string[], prefix: string, extra: Record<string, string> = {}) {
  const map = new Map<string, string>();
  for (const code of codes) {
    map.set(fold(code), code);
    for (const l of LOCALES) map.set(fold(t(l, `${prefix}.${code}`)), code);
  }
  for (const [k, v] of Object.entries(extra)) map.set(fold(k), v);
  return map;
}
const CODED: Partial<Record<PersonImportKey, Map<string, string>>> = {
  sex: labelMap(SEXES, "beneficiaries.sexes", {
    f: "female",
    m: "male",
    h: "male",
    أنثى: "female",
    ذكر: "male",
  }),
  maritalStatus: labelMap(MARITAL_STATUSES, "beneficiaries.maritalStatuses"),
  schoolingLevel: labelMap(SCHOOLING_LEVELS, "beneficiaries.schoolingLevels"),
  disabilityType: labelMap(DISABILITY_TYPES, "beneficiaries.disabilityTypes"),
  relationship: labelMap(RELATIONSHIPS, "beneficiaries.relationships"),
};

/** 31/12/1980 or 31-12-1980 (how spreadsheets in Morocco write dates) becomes 1980-12-31. */
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function normaliseCells(cells: Record<string, string>): Record<string, string> {
  for (const [key, map] of Object.entries(CODED)) {
    const v = cells[key];
    // Most files hold the codes themselves: a direct hit spares the folding.
    if (v) cells[key] = map.get(v) ?? map.get(fold(v)) ?? v;
  }
  const d = cells.birthDate && DMY.exec(cells.birthDate);
  if (d) cells.birthDate = `${d[3]}-${d[2]?.padStart(2, "0")}-${d[1]?.padStart(2, "0")}`;
  return cells;
}

/** Header → column index by key; unknown or missing columns fail the whole file (nothing read further). */
export function columnIndexes(header: string[]): Map<string, number> {
  try {
    const [probe] = toRows([header, header.map((_, j) => String(j))], IMPORT_COLUMNS);
    return new Map(Object.entries(probe?.cells ?? {}).map(([k, v]) => [k, Number(v)]));
  } catch (err) {
    const issues = (err as { fieldErrors?: FieldIssue[] }).fieldErrors ?? [];
    const missing = issues
      .filter((i) => i.code === "validation.missing_column")
      .map((i) => String(i.params?.column));
    if (missing.length) throw new MissingColumns(missing);
    throw err;
  }
}

export class MissingColumns extends Error {
  constructor(readonly keys: string[]) {
    super("missing columns");
  }
}

export interface Province {
  regionCode: string;
}

export type RowOutcome =
  | { ok: true; row: number; data: ImportedPerson & { regionCode: string } }
  | { ok: false; row: number; cells: Record<string, string>; errors: FieldIssue[] };

/** Validates one data row; every problem of the row is reported, not only the first. */
export function checkRow(
  row: number,
  raw: string[],
  indexes: Map<string, number>,
  provinces: Map<string, Province>,
  access: Access,
): RowOutcome | null {
  const cells: Record<string, string> = {};
  let empty = true;
  for (const [key, j] of indexes) {
    const v = (raw[j] ?? "").trim();
    cells[key] = v;
    if (v) empty = false;
  }
  if (empty) return null;
  const original = { ...cells };
  const { valid, issues } = validateRows([{ row, cells: normaliseCells(cells) }], IMPORT_COLUMNS, RowSchema);
  const data = valid[0]?.data;
  const errors = [...issues];
  if (data) {
    const province = provinces.get(data.provinceCode);
    if (!province) errors.push(rowIssue(row, "provinceCode", "validation.province_code"));
    else if (data.regionCode && data.regionCode !== province.regionCode)
      errors.push(rowIssue(row, "provinceCode", "beneficiaries.province_region_mismatch"));
    else if (!reaches(access, { region: province.regionCode, province: data.provinceCode }))
      errors.push(rowIssue(row, "provinceCode", "beneficiaries.out_of_scope"));
    if (data.relationship && !data.householdRef)
      errors.push(rowIssue(row, "householdRef", "validation.required"));
    if (data.householdRef && !data.relationship)
      errors.push(rowIssue(row, "relationship", "validation.required"));
    if (!errors.length && province)
      return { ok: true, row, data: { ...data, regionCode: province.regionCode } };
  }
  return { ok: false, row, cells: original, errors };
}
