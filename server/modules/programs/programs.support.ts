import type { Queryable } from "../../platform/database.ts";
import { AppError, type FieldIssue, notFound } from "../../platform/errors.ts";
import * as repo from "./programs.repository.ts";

/** Small helpers every part of the programmes service uses. */
export const invalid = (issues: FieldIssue[]) => new AppError(400, "validation.failed", {}, issues);

export async function foundProgram(q: Queryable, id: string, lock = false) {
  const row = await repo.findProgram(q, id, { lock });
  if (!row) throw notFound("programs.not_found");
  return row;
}
