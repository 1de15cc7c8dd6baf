import { execFileSync } from "node:child_process";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { missingGlyphs, paragraphLayout, registerFonts, visualRuns, wrapLines } from "./pdf.text.ts";
import { formatDate, formatMoney, type PdfSummary, renderPdf } from "./pdf.ts";

const hasPdftotext = (() => {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

const pdfText = (pdf: Buffer) =>
  execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf }).toString("utf8");
const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;

function summary(locale: "fr" | "ar", rows = 3): PdfSummary {
  const ar = locale === "ar";
  return {
    locale,
    title: ar ? "اتفاقية شراكة الرباط" : "Convention de partenariat — Rabat",
    subtitle: "CONV-2024-001",
    footer: "Jisr",
    sections: [
      {
        kind: "fields",
        heading: ar ? "المعلومات" : "Informations",
        fields: [
          { label: ar ? "المكان" : "Lieu", value: ar ? "الرباط (Rabat)" : "Rabat" },
          { label: ar ? "المبلغ" : "Montant", value: { money: 123456789 } },
          { label: ar ? "التاريخ" : "Date", value: { date: "2024-03-05" } },
          { label: ar ? "فارغ" : "Vide", value: null },
        ],
      },
      {
        kind: "table",
        heading: ar ? "الأطراف" : "Parties",
        columns: [
          { header: ar ? "الهيئة" : "Organisation", weight: 3 },
          { header: ar ? "الالتزام" : "Montant" },
        ],
        rows: Array.from({ length: rows }, (_, i) => [`Partenaire ${i + 1}`, { money: (i + 1) * 100 }]),
      },
    ],
  };
}

describe("pdf summaries", () => {
  it("formats money in MAD and dates per language", () => {
    expect(formatMoney(123456789, "fr")).toBe("1\u00a0234\u00a0567,89 MAD");
    expect(formatMoney(123456789, "en")).toBe("MAD 1,234,567.89");
    expect(formatMoney(-50, "ar")).toMatch(/^-0,50 درهم$/);
    expect(formatDate("2024-03-05", "fr")).toBe("5 mars 2024");
    expect(formatDate("2024-03-05", "ar")).toBe("5 مارس 2024");
    // A timestamp is dated by its day in Morocco: 23:30 UTC on 2 December is 00:30 on the 3rd there.
    expect(formatDate("2026-12-02T23:30:00Z", "fr")).toBe("3 décembre 2026");
    expect(formatDate("2026-12-02T22:30:00Z", "fr")).toBe("2 décembre 2026");
  });

  it("has a glyph for every character of amounts, dates and common French and Arabic text", () => {
    const doc = new PDFDocument();
    registerFonts(doc);
    for (const locale of ["fr", "ar", "en"] as const) {
      const text = `${formatMoney(123456789012, locale)} ${formatDate("2024-12-25", locale)}`;
      expect(missingGlyphs(doc, text)).toEqual([]);
    }
    const prose = "Élaboré à Fès, l'œuvre « sociale » — n°3 : 40 % ; إدماج الأشخاص في وضعية صعبة، ٣";
    expect(missingGlyphs(doc, prose)).toEqual([]);
  });

  it("lays out a mixed Arabic/Latin line right to left, parentheses mirrored", () => {
    const doc = new PDFDocument();
    registerFonts(doc);
    const runs = visualRuns(doc, "سطات (Casablanca) 2024", 10, "regular", "rtl");
    // Left to right on the page: the number, the Latin name in its brackets, then the Arabic word.
    expect(runs.map((r) => r.text)).toEqual(["2024", " (", "Casablanca", ") ", "سطات"]);
    expect(runs.map((r) => r.font)).toEqual([
      "latin-regular",
      "latin-regular",
      "latin-regular",
      "latin-regular",
      "arabic-regular",
    ]);
    expect(runs.every((r) => r.width > 0)).toBe(true);
    const ltr = visualRuns(doc, "Rabat (الرباط)", 10, "regular", "ltr");
    expect(ltr.map((r) => r.text)).toEqual(["Rabat (", "الرباط", ")"]);
  });

  it("lays out a French paragraph of an Arabic document left to right, on the page's side", () => {
    const doc = new PDFDocument();
    registerFonts(doc);
    const french = "Centre d'accueil (Rabat).";
    const own = paragraphLayout(french, "rtl");
    expect(own).toEqual({ direction: "ltr", align: "end" });
    const text = (direction: "ltr" | "rtl") =>
      visualRuns(doc, french, 10, "regular", direction)
        .map((r) => r.text)
        .join("");
    // Laid out right to left, the final period and bracket jumped to the left of the sentence.
    expect(text("rtl")).not.toBe(french);
    expect(text(own.direction)).toBe(french);
    expect(paragraphLayout("الرباط (Rabat).", "ltr")).toEqual({ direction: "rtl", align: "end" });
    expect(paragraphLayout("2024 — 12 %", "rtl")).toEqual({ direction: "rtl", align: "start" });
    expect(paragraphLayout("Rabat", "ltr", "center")).toEqual({ direction: "ltr", align: "center" });
  });

  it("wraps long text to the width and cuts words longer than a line", () => {
    const doc = new PDFDocument();
    registerFonts(doc);
    const lines = wrapLines(
      doc,
      "un deux trois quatre cinq six sept huit neuf dix",
      60,
      10,
      "regular",
      "ltr",
    );
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(" ")).toBe("un deux trois quatre cinq six sept huit neuf dix");
    expect(wrapLines(doc, "x".repeat(200), 50, 10, "regular", "ltr").length).toBeGreaterThan(3);
  });

  it("renders a French and an Arabic A4 PDF with the fonts shipped through npm", async () => {
    for (const locale of ["fr", "ar"] as const) {
      const pdf = await renderPdf(summary(locale));
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const raw = pdf.toString("latin1");
      expect(raw).toMatch(/MediaBox \[0 0 595\.28 841\.89\]/);
      expect(raw).toMatch(/\+NotoSans/);
      if (locale === "ar") expect(raw).toMatch(/\+NotoSansArabic/);
      expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
    }
  });

  it("breaks long tables over pages", async () => {
    const pdf = await renderPdf(summary("fr", 120));
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(3);
  });

  it.skipIf(!hasPdftotext)("keeps the text extractable: French, amounts and Arabic words", async () => {
    const fr = pdfText(await renderPdf(summary("fr")));
    expect(fr).toContain("Convention de partenariat — Rabat");
    expect(fr).toContain("1 234 567,89 MAD");
    expect(fr).toContain("5 mars 2024");
    const ar = pdfText(await renderPdf(summary("ar")));
    expect(ar).toContain("الرباط");
    expect(ar).toContain("Rabat");
    expect(ar).toContain("1.234.567,89");
  });
});
