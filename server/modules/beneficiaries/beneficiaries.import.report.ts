import type { Locale } from "../../../contracts/common.ts";
import { PERSON_IMPORT_KEYS } from "../../../contracts/person-imports.ts";
import type { ExportColumn } from "../../platform/export.ts";
import { t } from "../../platform/i18n.ts";
import { columnLabel } from "./beneficiaries.import.rows.ts";

/**
 * The rejected-rows report: row number, the reasons in the reader's language, then the row's
 * cells under the import's own column labels, so the corrected report imports as is.
 */
export interface Rejection {
  row: number;
  cells: Record<string, string>;
  errors: { column: string; code: string; params: Record<string, unknown> }[];
}

const messageKey = (code: string) => (code.startsWith("validation.") ? code : `errors.${code}`);

export function rejectionReasons(locale: Locale, r: Rejection): string {
  return r.errors
    .map((e) => {
      const message = t(locale, messageKey(e.code), e.params);
      return e.column ? `${columnLabel(locale, e.column)} : ${message}` : message;
    })
    .join(" ; ");
}

export function rejectedColumns(locale: Locale): ExportColumn<Rejection>[] {
  return [
    { header: columnLabel(locale, "row"), value: (r) => r.row },
    { header: columnLabel(locale, "errors"), value: (r) => rejectionReasons(locale, r) },
    ...PERSON_IMPORT_KEYS.map((k) => ({
      header: columnLabel(locale, k),
      value: (r: Rejection) => r.cells[k] ?? null,
    })),
  ];
}

export const rejectedFileName = (locale: Locale) => t(locale, "personImports.rejectedFile");
