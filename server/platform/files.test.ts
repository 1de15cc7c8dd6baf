import { describe, expect, it } from "vitest";
import { AppError } from "./errors.ts";
import { cleanFileName, contentDisposition, mediaTypeOf } from "./files.ts";

const PDF = Buffer.from("%PDF-1.7\n");
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
const statusOf = (fn: () => unknown) => {
  try {
    fn();
    return 200;
  } catch (e) {
    return e instanceof AppError ? e.status : 500;
  }
};

describe("stored files", () => {
  it("decides the type from the extension, the declared type and the first bytes", () => {
    expect(mediaTypeOf("Convention.PDF", "application/pdf", PDF)).toBe("application/pdf");
    expect(mediaTypeOf("budget.xlsx", "application/octet-stream", ZIP)).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(mediaTypeOf("liste.csv", "application/vnd.ms-excel", Buffer.from("a,b"))).toBe("text/csv");
    expect(statusOf(() => mediaTypeOf("virus.exe", "application/pdf", PDF))).toBe(415);
    expect(statusOf(() => mediaTypeOf("sans-extension", "application/pdf", PDF))).toBe(415);
    expect(statusOf(() => mediaTypeOf("page.pdf", "text/html", PDF))).toBe(415);
    expect(statusOf(() => mediaTypeOf("page.pdf", "application/pdf", Buffer.from("<html>")))).toBe(415);
    expect(statusOf(() => mediaTypeOf("note.docx", "", Buffer.from("not a zip")))).toBe(415);
  });

  it("keeps Arabic names, drops paths and control characters", () => {
    expect(cleanFileName("C:\\Users\\x\\اتفاقية.pdf")).toBe("اتفاقية.pdf");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("a\u0000b\r\n.pdf")).toBe("ab.pdf");
    expect(cleanFileName(undefined)).toBe("");
  });

  it("names downloads in ASCII and in UTF-8 (RFC 6266)", () => {
    const header = contentDisposition("اتفاقية (2024).pdf");
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    const encoded = header.split("filename*=UTF-8''")[1] ?? "";
    expect(decodeURIComponent(encoded)).toBe("اتفاقية (2024).pdf");
    expect(encoded).not.toMatch(/[()' ]/);
  });
});
