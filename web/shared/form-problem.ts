import { useCallback, useState } from "react";
import type { FieldError } from "../../contracts/common.ts";
import { ProblemError } from "./http.ts";

interface ErrorTarget {
  getValues(): unknown;
  setErrors(errors: Record<string, string>): void;
}

/** What the form shows above its buttons: the error itself and the field messages no field could take. */
export interface FormProblem {
  error: unknown;
  unmatched: FieldError[];
}

function hasPath(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const segment of path.split(".")) {
    if (node === null || typeof node !== "object" || !(segment in node)) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  return true;
}

/**
 * Puts a ProblemError's `errors[]` (paths like "nameFr" or "roles.0.scopeRef") under the matching
 * Mantine form fields; whatever no field can show (the `detail`, unknown paths) becomes the form problem.
 */
export function useFormProblem(form: ErrorTarget) {
  const [problem, setProblem] = useState<FormProblem | null>(null);

  const report = useCallback(
    (error: unknown) => {
      const fieldErrors = error instanceof ProblemError ? error.errors : [];
      const values = form.getValues();
      const matched: Record<string, string> = {};
      const unmatched: FieldError[] = [];
      for (const fieldError of fieldErrors) {
        if (hasPath(values, fieldError.path)) matched[fieldError.path] ??= fieldError.message;
        else unmatched.push(fieldError);
      }
      form.setErrors(matched);
      const allOnFields = fieldErrors.length > 0 && unmatched.length === 0;
      setProblem(allOnFields ? null : { error, unmatched });
    },
    [form],
  );

  const clear = useCallback(() => setProblem(null), []);

  return { problem, report, clear };
}
