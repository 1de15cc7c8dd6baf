import type { TFunction } from "i18next";
import { NetworkError, ProblemError } from "./http.ts";

export const isProblem = (error: unknown, code?: string): error is ProblemError =>
  error instanceof ProblemError && (code === undefined || error.code === code);

export const isVersionConflict = (error: unknown): error is ProblemError =>
  isProblem(error, "conflict.version");

/** Asking again may help: the network or the server failed, not the request itself. */
export const isRetryable = (error: unknown): boolean =>
  !(error instanceof ProblemError && error.status < 500);

/** A page's code could not be downloaded (offline, or a new version was deployed meanwhile). */
const isChunkLoadFailure = (error: unknown) =>
  error instanceof TypeError &&
  /dynamically imported module|importing a module script failed/i.test(error.message);

/** One sentence a person can act on, in the UI language, for any error a request can throw. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ProblemError) {
    if (error.detail) return error.detail;
    return t("common.errors.http", { status: error.status });
  }
  if (error instanceof NetworkError || isChunkLoadFailure(error)) return t("common.errors.network");
  return t("common.errors.unexpected");
}
