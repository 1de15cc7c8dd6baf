import { buffer } from "node:stream/consumers";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { type ExportColumn, exportStream, safeCell } from "./export.ts";

interface Row {
  name: string;
  amount: number | null;
  active: boolean;
}

const columns: ExportColumn<Row>[] = [
  { header: "Nom / الاسم", value: (r) => r.name },
  { header: "Montant", value: (r) => r.amount },
  { header: "Actif", value: (r) => r.active },
];

async function* rows(n: number): AsyncGenerator<Row> {
  for (let i = 0; i < n; i++)
    yield { name: i === 0 ? 'محمد, "Mhamed"' : `Ligne ${i}`, amount: i * 100, active: i % 2 === 0 };
}

describe("export", () => {
  it("writes CSV as UTF-8 with a BOM, quoted fields and CRLF rows", async () => {
    const bytes = Buffer.from(
      await buffer(exportStream({ format: "csv", filename: "t", columns, rows: rows(3) })),
    );
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = bytes.subarray(3).toString("utf8").split("\r\n");
    expect(lines.slice(0, 3)).toEqual([
      "Nom / الاسم,Montant,Actif",
      '"محمد, ""Mhamed""",0,1',
      "Ligne 1,100,0",
    ]);
  });

  it("writes an XLSX workbook that Excel (and ExcelJS) reads back, header first", async () => {
    const chunks: Buffer[] = [];
    for await (const c of exportStream({
      format: "xlsx",
      filename: "t",
      sheetName: "Liste",
      columns,
      rows: rows(1500),
    }))
      chunks.push(c as Buffer);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Liste");
    expect(sheet?.getRow(1).values).toEqual([undefined, "Nom / الاسم", "Montant", "Actif"]);
    expect(sheet?.getRow(2).getCell(1).value).toBe('محمد, "Mhamed"');
    expect(sheet?.rowCount).toBe(1501);
  });

  it("neutralises text a spreadsheet would run as a formula, keeping phone numbers", () => {
    expect(safeCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(safeCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeCell("-cmd")).toBe("'-cmd");
    expect(safeCell("+212 661 00 00 00")).toBe("+212 661 00 00 00");
    expect(safeCell(null)).toBeNull();
    expect(safeCell(12)).toBe(12);
  });
});
