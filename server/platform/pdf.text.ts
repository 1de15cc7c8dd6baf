import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import bidiFactory from "bidi-js";

/**
 * Text for PDF summaries: fonts shipped through npm (never the system's), and
 * right-to-left lines laid out with the Unicode bidirectional algorithm.
 *
 * pdfkit draws one run of text in one font and does not reorder; fontkit (inside
 * pdfkit) shapes Arabic (joining forms, ligatures) and returns its glyphs in
 * visual order. So a line is cut into runs of one font and one direction, the
 * runs are placed in visual order (bidi-js), and each run is drawn at its x.
 */
const require = createRequire(import.meta.url);
const bidi = bidiFactory();

export type FontWeight = "regular" | "bold";
type FontKey = `${"latin" | "arabic"}-${FontWeight}`;

const FONT_FILES: Record<FontKey, string> = {
  "latin-regular": "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff",
  "latin-bold": "@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff",
  "arabic-regular": "@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff",
  "arabic-bold": "@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff",
};

let fontBytes: Map<FontKey, Buffer> | undefined;

/** Registers the fonts on a document (read from disk once per process). */
export function registerFonts(doc: PDFKit.PDFDocument) {
  fontBytes ??= new Map(
    (Object.keys(FONT_FILES) as FontKey[]).map((k) => [k, readFileSync(require.resolve(FONT_FILES[k]))]),
  );
  for (const [key, bytes] of fontBytes) doc.registerFont(key, bytes);
}

/** Arabic letters, marks and presentation forms: drawn with the Arabic font. */
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]/;
/** Bidi controls change the order but have no glyph in the fonts. */
const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;

/**
 * Removes bidi controls, folds runs of blanks, and turns the narrow no-break space
 * (Intl's French thousands separator, absent from the Latin font) into a no-break space.
 */
export const cleanText = (s: string) =>
  s
    .replace(BIDI_CONTROLS, "")
    .replace(/\u202F/g, "\u00A0")
    .replace(/[ \t\r\n]+/g, " ")
    .trim();

/** Characters of `text` that the font drawing them has no glyph for (a box would be printed). */
export function missingGlyphs(doc: PDFKit.PDFDocument, text: string): string[] {
  const missing: string[] = [];
  for (const ch of text) {
    const key: FontKey = `${ARABIC.test(ch) ? "arabic" : "latin"}-regular`;
    // pdfkit keeps the fontkit font of the current font on `_font.font`.
    const current = doc.font(key) as unknown as {
      _font: { font: { hasGlyphForCodePoint(c: number): boolean } };
    };
    if (!current._font.font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0)) missing.push(ch);
  }
  return missing;
}
export const hasArabic = (s: string) => ARABIC.test(s);

interface Run {
  text: string;
  font: FontKey;
  width: number;
}

/** Shaping is the slow part of a summary: the same strings come back in every table row. */
const widths = new Map<string, number>();
function widthOf(doc: PDFKit.PDFDocument, font: FontKey, size: number, text: string) {
  const key = `${font}|${size}|${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    if (widths.size > 20_000) widths.clear();
    w = doc.font(font).fontSize(size).widthOfString(text);
    widths.set(key, w);
  }
  return w;
}

/** The runs of one line, in visual order (left to right), measured. */
export function visualRuns(
  doc: PDFKit.PDFDocument,
  line: string,
  size: number,
  weight: FontWeight,
  direction: "ltr" | "rtl",
): Run[] {
  if (!line) return [];
  const levels = bidi.getEmbeddingLevels(line, direction);
  const order = Array.from({ length: line.length }, (_, i) => i);
  for (const [start = 0, end = 0] of bidi.getReorderSegments(line, levels)) {
    const flipped = order.slice(start, end + 1).reverse();
    order.splice(start, flipped.length, ...flipped);
  }
  const mirrored = bidi.getMirroredCharactersMap(line, levels.levels);
  const fontOf = (i: number): FontKey => `${ARABIC.test(line[i] ?? "") ? "arabic" : "latin"}-${weight}`;
  const rtl = (i: number) => ((levels.levels[i] ?? 0) & 1) === 1;

  const runs: Run[] = [];
  let group: number[] = [];
  const flush = () => {
    if (!group.length) return;
    const first = group[0] as number;
    const font = fontOf(first);
    const chars = group.map((i) => mirrored.get(i) ?? line[i]);
    // Arabic goes to fontkit in logical order (it shapes, then reverses); other text in a
    // right-to-left run is already in visual order.
    const text = font.startsWith("arabic") && rtl(first) ? chars.reverse().join("") : chars.join("");
    runs.push({ text, font, width: widthOf(doc, font, size, text) });
    group = [];
  };
  for (const i of order) {
    const prev = group[group.length - 1];
    const step = prev === undefined ? 0 : rtl(i) ? prev - i : i - prev;
    if (prev !== undefined && (step !== 1 || rtl(i) !== rtl(prev) || fontOf(i) !== fontOf(prev))) flush();
    group.push(i);
  }
  flush();
  return runs;
}

export const runsWidth = (runs: readonly Run[]) => runs.reduce((w, r) => w + r.width, 0);

/** Breaks text into lines no wider than `width` (words longer than a line are cut). */
export function wrapLines(
  doc: PDFKit.PDFDocument,
  text: string,
  width: number,
  size: number,
  weight: FontWeight,
  direction: "ltr" | "rtl",
): string[] {
  const measure = (s: string) => runsWidth(visualRuns(doc, s, size, weight, direction));
  // Shaping never joins across a space, so a line is as wide as its words and spaces.
  const space = widthOf(doc, `latin-${weight}`, size, " ");
  const lines: string[] = [];
  let current = "";
  let currentWidth = 0;
  for (const word of cleanText(text).split(" ")) {
    if (!word) continue;
    const w = measure(word);
    if (current && currentWidth + space + w <= width) {
      current = `${current} ${word}`;
      currentWidth += space + w;
      continue;
    }
    if (current) lines.push(current);
    current = word;
    currentWidth = w;
    // A single word wider than the line: cut it where it still fits (binary search).
    while (currentWidth > width && current.length > 1) {
      let lo = 1;
      let hi = current.length - 1;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (measure(current.slice(0, mid)) <= width) lo = mid;
        else hi = mid - 1;
      }
      lines.push(current.slice(0, lo));
      current = current.slice(lo);
      currentWidth = measure(current);
    }
  }
  if (current) lines.push(current);
  return lines.length ? lines : [""];
}

export type Align = "start" | "end" | "center";

/**
 * How a paragraph is laid out on a page of the given direction: in its own direction, as
 * dir="auto" gives it (its first letter's: a French description in an Arabic document keeps its
 * final period and brackets where French puts them), yet aligned on the page's side.
 */
export function paragraphLayout(
  text: string,
  page: "ltr" | "rtl",
  align: Align = "start",
): { direction: "ltr" | "rtl"; align: Align } {
  const letter = /\p{L}/u.exec(text)?.[0];
  const direction = letter === undefined ? page : ARABIC.test(letter) ? "rtl" : "ltr";
  if (direction === page || align === "center") return { direction, align };
  return { direction, align: align === "start" ? "end" : "start" };
}

/**
 * Draws one line inside [x, x + width], aligned in the reading direction. `y` is the
 * top of the line; every run sits on one baseline, since the Latin and Arabic fonts
 * have different ascents.
 */
export function drawLine(
  doc: PDFKit.PDFDocument,
  line: string,
  box: { x: number; y: number; width: number },
  opts: { size: number; weight: FontWeight; direction: "ltr" | "rtl"; align?: Align; color?: string },
) {
  const runs = visualRuns(doc, line, opts.size, opts.weight, opts.direction);
  const total = runsWidth(runs);
  const align = opts.align ?? "start";
  const left =
    align === "center"
      ? box.x + (box.width - total) / 2
      : (align === "start") === (opts.direction === "ltr")
        ? box.x
        : box.x + box.width - total;
  let x = left;
  doc.fillColor(opts.color ?? "#111111");
  for (const run of runs) {
    doc
      .font(run.font)
      .fontSize(opts.size)
      .text(run.text, x, box.y + opts.size * 1.1, {
        lineBreak: false,
        baseline: "alphabetic",
      });
    x += run.width;
  }
}
