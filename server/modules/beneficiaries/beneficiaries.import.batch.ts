import { PERSON_IMPORT_KEYS } from "../../../contracts/person-imports.ts";
import type { FieldIssue } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import type { ImportedPerson, RowOutcome } from "./beneficiaries.import.rows.ts";
import { type NameWordSet, personKeys } from "./beneficiaries.search-keys.ts";

/**
 * One batch of an import's rows, checked and turned into the lines of COPY's text format
 * (besides its CINs, checked against the registry and the file's earlier rows by SQL): the
 * persons themselves, the rows rejected with their reasons, and the household members kept
 * for the end of the import. The rows are held until the CIN check answers, so memory is
 * bounded by the batch, whatever the file's size.
 */

type Person = ImportedPerson & { regionCode: string };
interface Accepted {
  row: number;
  id: string;
  person: string;
  data: Person;
}
interface Reason {
  column: string;
  code: string;
  params: Record<string, unknown>;
}

/** Columns of persons an import writes, in the order of its COPY lines. */
export const PERSON_COLUMNS = `id, cin, first_name_latin, last_name_latin, first_name_ar, last_name_ar, sex, birth_date,
  phone, region_code, province_code, commune, address, marital_status, schooling_level, disability_type,
  disability_card_number, situation_notes, search_latin, search_latin_key, search_arabic_key, phone_key`;
/** Columns of the import's household members table (sql.ts), in the order of its COPY lines. */
export const MEMBER_COLUMNS =
  "row_number, id, household_ref, relationship, region_code, province_code, commune, address, cells";

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const NEEDS_ESCAPE = /[\\\t\n\r]/;
/** A value in COPY's text format. */
const copyValue = (v: string | number | null | undefined): string => {
  if (v === null || v === undefined) return "\\N";
  const s = String(v);
  return NEEDS_ESCAPE.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c) : s;
};
const line = (values: (string | number | null | undefined)[]) => `${values.map(copyValue).join("\t")}\n`;

/** The row as the report shows it: the checked (normalised) values, by column key. */
function cellsOf(p: Person): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const key of PERSON_IMPORT_KEYS) {
    const v = (p as Record<string, unknown>)[key];
    if (v !== null && v !== undefined && v !== "") cells[key] = String(v);
  }
  return cells;
}

const cinReason = (row: number, first: number | null): Reason =>
  first === null
    ? { column: "cin", code: "person_imports.cin_registered", params: { row } }
    : { column: "cin", code: "person_imports.cin_in_file", params: { row, first } };

export class ImportBatch {
  private readonly accepted: Accepted[] = [];
  /** Row numbers and CINs of the accepted rows that have one, for the CIN check. */
  readonly cins: { rows: number[]; cins: string[] } = { rows: [], cins: [] };
  private rejectedLines = "";
  /** Rows rejected by the row checks (the CIN check adds its own later). */
  rejectedByChecks = 0;

  constructor(
    private readonly jobId: string,
    private readonly nameWords: NameWordSet,
  ) {}

  get size() {
    return this.accepted.length + this.rejectedByChecks;
  }

  add(outcome: RowOutcome) {
    if (!outcome.ok) {
      this.reject(outcome.row, outcome.cells, outcome.errors.map(reasonOf));
      this.rejectedByChecks++;
      return;
    }
    const { row, data: p } = outcome;
    const keys = personKeys(p);
    this.nameWords.add(keys);
    const id = newId();
    // biome-ignore format: the values follow PERSON_COLUMNS, line for line
    const person = line([
      id, p.cin, p.firstNameLatin, p.lastNameLatin, p.firstNameAr, p.lastNameAr, p.sex, p.birthDate,
      p.phone, p.regionCode, p.provinceCode, p.commune, p.address, p.maritalStatus, p.schoolingLevel,
      p.disabilityType, p.disabilityCardNumber, p.situationNotes,
      keys.searchLatin, keys.searchLatinKey, keys.searchArabicKey, keys.phoneKey,
    ]);
    this.accepted.push({ row, id, person, data: p });
    if (p.cin) {
      this.cins.rows.push(row);
      this.cins.cins.push(p.cin);
    }
  }

  /**
   * Splits the accepted rows by the CIN check's answer (row → the file's row that wrote the CIN
   * to the registry, or null when the registry held it before the import) and by the batch's own
   * repeats (the batch's first row of a CIN keeps it): persons to write, with the file rows of
   * those with a CIN (for the next batches' checks), household members and the rejected rows' lines.
   */
  settle(taken: Map<number, number | null>) {
    let persons = "";
    let rows = "";
    let members = "";
    let imported = 0;
    const firstInBatch = new Map<string, number>();
    for (const a of this.accepted) {
      const { cin } = a.data;
      if (cin) {
        const first = taken.has(a.row) ? taken.get(a.row) : firstInBatch.get(cin);
        if (first !== undefined) {
          this.reject(a.row, cellsOf(a.data), [cinReason(a.row, first)]);
          continue;
        }
        firstInBatch.set(cin, a.row);
        rows += `${a.id}\t${a.row}\n`;
      }
      persons += a.person;
      imported++;
      const p = a.data;
      if (p.householdRef)
        members += line([
          a.row,
          a.id,
          p.householdRef,
          p.relationship,
          p.regionCode,
          p.provinceCode,
          p.commune,
          p.address,
          JSON.stringify(cellsOf(p)),
        ]);
    }
    return { persons, rows, members, rejected: this.rejectedLines, imported };
  }

  private reject(row: number, cells: Record<string, string>, reasons: Reason[]) {
    this.rejectedLines += line([this.jobId, row, JSON.stringify(cells), JSON.stringify(reasons)]);
  }
}

const reasonOf = (e: FieldIssue): Reason => ({
  column: e.path.split(".")[2] ?? "",
  code: e.code,
  params: e.params ?? {},
});
