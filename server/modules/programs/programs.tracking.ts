import { createHash, randomInt } from "node:crypto";

/** Tracking codes: 10 characters from 30 that cannot be misread (no I, L, O, U, 0, 1) — about 49 bits. */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
export const newTrackingCode = () =>
  Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
export const normalizeTrackingCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, "");
export const trackingHash = (code: string) =>
  createHash("sha256")
    .update(`jisr-tracking:${normalizeTrackingCode(code)}`)
    .digest("hex");
