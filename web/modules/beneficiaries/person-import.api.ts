import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Problem } from "../../../contracts/common.ts";
import {
  PERSON_IMPORT_RUNNING,
  type PersonImport,
  type PersonImportReceipt,
} from "../../../contracts/person-imports.ts";
import { buildUrl, http, ProblemError } from "../../shared/http.ts";

/** API of the bulk import of persons: upload with progress, then the job polled until it ends. */

const keys = {
  list: ["person-imports", "list"] as const,
  detail: (id: string) => ["person-imports", "detail", id] as const,
};

const RUNNING: readonly PersonImport["status"][] = PERSON_IMPORT_RUNNING;
export const isRunning = (job: PersonImport | undefined) => !!job && RUNNING.includes(job.status);

/**
 * Sends the file as the request body with XMLHttpRequest, the one browser API that reports
 * upload progress; the file is streamed by the browser, never read into memory here.
 */
export function uploadPersonFile(
  file: File,
  opts: { encoding: string; csrfToken: string | null; language: string; onProgress: (share: number) => void },
): Promise<PersonImportReceipt> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", buildUrl("/person-imports", { fileName: file.name, encoding: opts.encoding }));
    xhr.setRequestHeader(
      "Content-Type",
      file.type && file.type !== "" ? file.type : "application/octet-stream",
    );
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Accept-Language", opts.language);
    if (opts.csrfToken) xhr.setRequestHeader("X-CSRF-Token", opts.csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ProblemError({ status: 0, code: "network", detail: "" }));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as PersonImportReceipt);
      const problem = (body ?? {}) as Partial<Problem>;
      reject(
        new ProblemError({
          status: xhr.status,
          code: problem.code ?? "http.unexpected",
          detail: problem.detail ?? "",
          errors: problem.errors,
        }),
      );
    };
    xhr.send(file);
  });
}

/** The job, polled twice a second while it runs. */
export function usePersonImport(id: string | undefined) {
  return useQuery({
    queryKey: keys.detail(id ?? ""),
    queryFn: () => http.get<PersonImport>(`/person-imports/${id}`),
    enabled: !!id,
    refetchInterval: (query) => (isRunning(query.state.data) ? 500 : false),
  });
}

export const personImportsQueryOptions = queryOptions({
  queryKey: keys.list,
  queryFn: () => http.get<{ items: PersonImport[] }>("/person-imports"),
});

export const usePersonImports = () => useQuery(personImportsQueryOptions);

/** The report in the page's language (a download link cannot send Accept-Language). */
export const rejectedUrl = (id: string, lang: string) =>
  buildUrl(`/person-imports/${id}/rejected.csv`, { lang });
