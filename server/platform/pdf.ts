import type { FastifyReply } from "fastify";
import PDFDocument from "pdfkit";
import { TIME_ZONE } from "../../contracts/calendar.ts";
import type { Locale } from "../../contracts/common.ts";
import {
  type Align,
  cleanText,
  drawLine,
  type FontWeight,
  paragraphLayout,
  registerFonts,
  wrapLines,
} from "./pdf.text.ts";

/**
 * Printable A4 summaries (a convention, a project…): a title, a subtitle, sections of
 * labelled values and tables, in French, English or Arabic (right to left, shaped).
 * Modules describe the content with already translated strings; this file lays it out.
 */
export type PdfValue =
  | string
  | number
  | null
  | undefined
  | { money: number | null | undefined }
  | { date: string | null | undefined }
  | { percent: number | null | undefined };

export interface PdfFieldsSection {
  kind: "fields";
  heading: string;
  fields: readonly { label: string; value: PdfValue }[];
}

export interface PdfTableSection {
  kind: "table";
  heading: string;
  /** `weight` is the column's share of the width (default 1). */
  columns: readonly { header: string; weight?: number; align?: Align }[];
  rows: readonly (readonly PdfValue[])[];
  /** Shown instead of the table when there are no rows. */
  empty?: string;
}

export type PdfSection = PdfFieldsSection | PdfTableSection;

export interface PdfSummary {
  locale: Locale;
  title: string;
  subtitle?: string;
  sections: readonly PdfSection[];
  /** Printed at the foot of each page, before the page number. */
  footer?: string;
}

const PAGE = { width: 595.28, height: 841.89, margin: 48 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin - 24;
const MUTED = "#555555";
const RULE = "#cccccc";

const NUMBER_LOCALE: Record<Locale, string> = { fr: "fr-FR", ar: "ar-MA", en: "en-GB" };

/** An amount in centimes as Moroccan dirhams: "1 234 567,89 MAD", "1.234.567,89 درهم", "MAD 1,234,567.89". */
export function formatMoney(centimes: number, locale: Locale): string {
  const n = new Intl.NumberFormat(NUMBER_LOCALE[locale], {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(centimes / 100);
  return cleanText(locale === "ar" ? `${n} درهم` : locale === "en" ? `MAD ${n}` : `${n} MAD`);
}

/**
 * A calendar date (YYYY-MM-DD) or timestamp, written out: "5 mars 2024". A timestamp's day is
 * its day in Morocco (a document generated at 00:30 is dated that day); a calendar date is
 * midnight UTC once parsed, written in UTC so that it never shifts.
 */
export function formatDate(iso: string, locale: Locale): string {
  const calendarDate = iso.length === 10;
  const d = new Date(calendarDate ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  const timeZone = calendarDate ? "UTC" : TIME_ZONE;
  return cleanText(new Intl.DateTimeFormat(NUMBER_LOCALE[locale], { dateStyle: "long", timeZone }).format(d));
}

export function formatValue(v: PdfValue, locale: Locale): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "string") return v;
  if (typeof v === "number") return new Intl.NumberFormat(NUMBER_LOCALE[locale]).format(v);
  if ("money" in v) return v.money === null || v.money === undefined ? "—" : formatMoney(v.money, locale);
  if ("date" in v) return v.date ? formatDate(v.date, locale) : "—";
  return v.percent === null || v.percent === undefined
    ? "—"
    : `${new Intl.NumberFormat(NUMBER_LOCALE[locale], { maximumFractionDigits: 1 }).format(v.percent)} %`;
}

/** Numbers and amounts line up at the end of their column. */
const isNumeric = (v: PdfValue) =>
  typeof v === "number" || (typeof v === "object" && v !== null && !("date" in v));

class Layout {
  readonly doc: PDFKit.PDFDocument;
  readonly dir: "ltr" | "rtl";
  y = PAGE.margin;

  constructor(readonly summary: PdfSummary) {
    this.dir = summary.locale === "ar" ? "rtl" : "ltr";
    this.doc = new PDFDocument({
      size: "A4",
      margin: PAGE.margin,
      bufferPages: true,
      lang: summary.locale,
      info: { Title: cleanText(summary.title), Producer: "Jisr", Creator: "Jisr" },
    });
    registerFonts(this.doc);
  }

  /** Starts a new page when `height` more points would not fit. */
  ensure(height: number) {
    if (this.y + height <= BOTTOM) return false;
    this.doc.addPage();
    this.y = PAGE.margin;
    return true;
  }

  paragraph(
    text: string,
    o: { size: number; weight?: FontWeight; color?: string; x?: number; width?: number; align?: Align },
  ) {
    const width = o.width ?? CONTENT_WIDTH;
    const lineHeight = o.size * 1.55;
    const own = paragraphLayout(text, this.dir, o.align);
    for (const line of wrapLines(this.doc, text, width, o.size, o.weight ?? "regular", own.direction)) {
      this.ensure(lineHeight);
      drawLine(
        this.doc,
        line,
        { x: o.x ?? PAGE.margin, y: this.y, width },
        { ...o, ...own, weight: o.weight ?? "regular" },
      );
      this.y += lineHeight;
    }
  }

  rule(color = RULE) {
    this.doc
      .moveTo(PAGE.margin, this.y)
      .lineTo(PAGE.width - PAGE.margin, this.y)
      .lineWidth(0.7)
      .strokeColor(color)
      .stroke();
  }

  header() {
    this.paragraph(this.summary.title, { size: 18, weight: "bold" });
    if (this.summary.subtitle) this.paragraph(this.summary.subtitle, { size: 11, color: MUTED });
    this.y += 4;
    this.rule("#1c7ed6");
    this.y += 12;
  }

  heading(text: string) {
    this.ensure(60); // a heading never ends a page alone
    this.y += 6;
    this.paragraph(text, { size: 13, weight: "bold", color: "#1c3d6e" });
    this.y += 2;
  }

  fields(section: PdfFieldsSection) {
    this.heading(section.heading);
    const labelWidth = CONTENT_WIDTH * 0.34;
    const valueWidth = CONTENT_WIDTH - labelWidth - 12;
    // In Arabic the label stands on the right, its value to its left.
    const labelX = this.dir === "ltr" ? PAGE.margin : PAGE.margin + CONTENT_WIDTH - labelWidth;
    const valueX = this.dir === "ltr" ? PAGE.margin + labelWidth + 12 : PAGE.margin;
    for (const f of section.fields) {
      const size = 10;
      const label = wrapLines(this.doc, f.label, labelWidth, size, "regular", this.dir);
      const text = formatValue(f.value, this.summary.locale);
      const own = paragraphLayout(text, this.dir);
      const value = wrapLines(this.doc, text, valueWidth, size, "bold", own.direction);
      const height = Math.max(label.length, value.length) * size * 1.55 + 3;
      this.ensure(height);
      const line = (text: string, i: number, x: number, width: number, bold: boolean) =>
        drawLine(
          this.doc,
          text,
          { x, y: this.y + i * size * 1.55, width },
          {
            size,
            weight: bold ? "bold" : "regular",
            ...(bold ? own : { direction: this.dir }),
            color: bold ? undefined : MUTED,
          },
        );
      for (const [i, l] of label.entries()) line(l, i, labelX, labelWidth, false);
      for (const [i, l] of value.entries()) line(l, i, valueX, valueWidth, true);
      this.y += height;
    }
    this.y += 6;
  }

  table(section: PdfTableSection) {
    this.heading(section.heading);
    if (!section.rows.length) {
      this.paragraph(section.empty ?? "—", { size: 10, color: MUTED });
      this.y += 6;
      return;
    }
    const size = 9;
    const pad = 4;
    const total = section.columns.reduce((s, c) => s + (c.weight ?? 1), 0);
    const widths = section.columns.map((c) => (CONTENT_WIDTH * (c.weight ?? 1)) / total);
    // Columns run from the reading start: left to right in French, right to left in Arabic.
    const xs: number[] = [];
    let acc = 0;
    for (const w of widths) {
      xs.push(this.dir === "ltr" ? PAGE.margin + acc : PAGE.margin + CONTENT_WIDTH - acc - w);
      acc += w;
    }
    const row = (cells: readonly string[], o: { bold: boolean; fill?: string; aligns: readonly Align[] }) => {
      const own = cells.map((c, i) => paragraphLayout(c, this.dir, o.aligns[i]));
      const lines = cells.map((c, i) =>
        wrapLines(
          this.doc,
          c,
          (widths[i] as number) - 2 * pad,
          size,
          o.bold ? "bold" : "regular",
          own[i]?.direction ?? this.dir,
        ),
      );
      const height = Math.max(...lines.map((l) => l.length)) * size * 1.5 + 2 * pad;
      const broke = this.ensure(height);
      if (o.fill) this.doc.rect(PAGE.margin, this.y, CONTENT_WIDTH, height).fill(o.fill);
      for (const [i, cellLines] of lines.entries()) {
        for (const [j, l] of cellLines.entries()) {
          drawLine(
            this.doc,
            l,
            {
              x: (xs[i] as number) + pad,
              y: this.y + pad + j * size * 1.5,
              width: (widths[i] as number) - 2 * pad,
            },
            { size, weight: o.bold ? "bold" : "regular", direction: this.dir, ...own[i] },
          );
        }
      }
      this.y += height;
      this.doc
        .moveTo(PAGE.margin, this.y)
        .lineTo(PAGE.margin + CONTENT_WIDTH, this.y)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
      return broke;
    };
    const headers = section.columns.map((c) => c.header);
    const first = section.rows[0] ?? [];
    const headerAligns = section.columns.map((c, i) => c.align ?? (isNumeric(first[i]) ? "end" : "start"));
    row(headers, { bold: true, fill: "#eef3fa", aligns: headerAligns });
    for (const r of section.rows) {
      const aligns = section.columns.map((c, i) => c.align ?? (isNumeric(r[i]) ? "end" : "start"));
      const cells = section.columns.map((_, i) => formatValue(r[i], this.summary.locale));
      // Repeat the header on top of a new page.
      const lines = cells.map((c, i) =>
        wrapLines(this.doc, c, (widths[i] as number) - 2 * pad, size, "regular", this.dir),
      );
      if (this.ensure(Math.max(...lines.map((l) => l.length)) * size * 1.5 + 2 * pad))
        row(headers, { bold: true, fill: "#eef3fa", aligns: headerAligns });
      row(cells, { bold: false, aligns });
    }
    this.y += 10;
  }

  footers() {
    const range = this.doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      this.doc.switchToPage(range.start + i);
      const text = `${this.summary.footer ? `${this.summary.footer} · ` : ""}${i + 1}/${range.count}`;
      // Drawing below the bottom margin must not make pdfkit open a new page.
      const margins = this.doc.page.margins;
      this.doc.page.margins = { ...margins, bottom: 0 };
      drawLine(
        this.doc,
        text,
        { x: PAGE.margin, y: PAGE.height - PAGE.margin + 4, width: CONTENT_WIDTH },
        { size: 8, weight: "regular", direction: this.dir, align: "center", color: MUTED },
      );
      this.doc.page.margins = margins;
    }
  }
}

/** Renders the summary to PDF bytes. */
export function renderPdf(summary: PdfSummary): Promise<Buffer> {
  const layout = new Layout(summary);
  const { doc } = layout;
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  layout.header();
  for (const s of summary.sections) {
    if (s.kind === "fields") layout.fields(s);
    else layout.table(s);
  }
  layout.footers();
  doc.end();
  return done;
}

/** Sends PDF bytes as a download, with a UTF-8 file name (Arabic too). */
export function sendPdf(reply: FastifyReply, filename: string, pdf: Buffer) {
  const name = `${filename}.pdf`;
  return reply
    .header("content-type", "application/pdf")
    .header(
      "content-disposition",
      `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .header("cache-control", "no-store")
    .send(pdf);
}
