import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./errors.ts";
import { importFormatOf, readTable, toRows, validateRows } from "./import.ts";

const columns = [
  { key: "code", aliases: ["Code"], required: true },
  { key: "count", aliases: ["Nombre"], type: "number" as const },
];

describe("import", () => {
  it("reads CSV with BOM, either separator, quotes and blank lines", async () => {
    const semi = await readTable(Buffer.from('\uFEFFCode;Nombre\n"A;1";"1,5"\n\nB;2\n'), "csv");
    expect(toRows(semi, columns)).toEqual([
      { row: 2, cells: { code: "A;1", count: "1,5" } },
      { row: 4, cells: { code: "B", count: "2" } },
    ]);
    const comma = await readTable(Buffer.from("code,count\nX,3\n"), "csv");
    expect(toRows(comma, columns)[0]?.cells).toEqual({ code: "X", count: "3" });

    // Files pasted together: Windows, Unix and old Mac line ends in one file.
    const mixed = await readTable(Buffer.from('code,count\r\nA,1\r\n"B\r\nbis",2\nC,3\rD,4\n'), "csv");
    expect(toRows(mixed, columns).map((r) => r.cells.code)).toEqual(["A", "B\r\nbis", "C", "D"]);
    // An unclosed quote is a file nobody can read as meant: refused, nothing guessed.
    await expect(readTable(Buffer.from('code,count\n"A,1\n'), "csv")).rejects.toMatchObject({
      code: "import.unreadable",
    });
  });

  it("reads the first sheet of an XLSX file", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("s");
    sheet.addRow(["Code", "Nombre"]);
    sheet.addRow(["Z", 7]);
    const table = await readTable(Buffer.from(await wb.xlsx.writeBuffer()), "xlsx");
    expect(toRows(table, columns)).toEqual([{ row: 2, cells: { code: "Z", count: "7" } }]);
  });

  it("validates every row and reports each issue by row and column", () => {
    const schema = z.object({ code: z.string().min(1), count: z.number().int().optional() });
    const { valid, issues } = validateRows(
      [
        { row: 2, cells: { code: "A", count: "1,5" } },
        { row: 3, cells: { code: "", count: "x" } },
        { row: 4, cells: { code: "B", count: "4" } },
      ],
      columns,
      schema,
    );
    expect(valid).toEqual([{ row: 4, data: { code: "B", count: 4 } }]);
    expect(issues.map((i) => i.path)).toEqual(["rows.2.count", "rows.3.code", "rows.3.count"]);
    expect(issues[1]?.code).toBe("validation.required");
  });

  it("refuses unknown content types and missing required columns", () => {
    expect(() => importFormatOf("application/json")).toThrow(AppError);
    expect(importFormatOf("text/csv; charset=utf-8")).toBe("csv");
    expect(() => toRows([["Nombre"], ["1"]], columns)).toThrow(AppError);
  });
});
