/**
 * An error a person can act on. `code` is a stable dotted key (and the key of
 * its message in locales/ under `errors.`); params fill the message.
 */
export interface FieldIssue {
  path: string;
  code: string;
  params?: Record<string, unknown>;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly fieldErrors: FieldIssue[] = [],
  ) {
    super(code);
  }
}

export const notFound = (code: string) => new AppError(404, code);
export const forbidden = (code = "auth.forbidden") => new AppError(403, code);
export const conflict = (code = "conflict.version") => new AppError(409, code);
export const unprocessable = (code: string, params?: Record<string, unknown>) =>
  new AppError(422, code, params);
/** A business rule about one field: shown beside that field in forms. */
export const invalidField = (path: string, code: string, params?: Record<string, unknown>) =>
  new AppError(400, "validation.failed", {}, [{ path, code, params }]);
