import type { FieldError, Problem } from "../../contracts/common.ts";

/** A non-2xx answer from the API; `detail` is already in the user's language when the server sent one. */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[];

  constructor(problem: Pick<Problem, "status" | "code" | "detail"> & { errors?: FieldError[] }) {
    super(problem.detail || problem.code);
    this.name = "ProblemError";
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
  }
}

/** The request never got an answer (offline, DNS, connection reset). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super("network", { cause });
    this.name = "NetworkError";
  }
}

type QueryValue = string | number | boolean | null | undefined;

interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** A multipart body (file uploads): sent as is, the browser sets its Content-Type. */
  form?: FormData;
  signal?: AbortSignal;
}

let csrfToken: string | null = null;
let language = "fr";

/** Remembered from the login response and from GET /auth/me; sent back on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Sent as Accept-Language so the server writes `detail` and messages in the UI language. */
export function setRequestLanguage(lang: string): void {
  language = lang;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ""}`;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": language };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new NetworkError(error);
  }

  if (!response.ok) throw await toProblem(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function toProblem(response: Response): Promise<ProblemError> {
  const type = response.headers.get("Content-Type") ?? "";
  if (type.includes("json")) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      if (typeof body.code === "string") {
        return new ProblemError({
          status: response.status,
          code: body.code,
          detail: body.detail ?? "",
          errors: body.errors,
        });
      }
    } catch {
      // Not JSON after all: fall through to the generic problem.
    }
  }
  return new ProblemError({ status: response.status, code: "http.unexpected", detail: "" });
}

export const http = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>("GET", path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, { body }),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, { body }),
  delete: <T = void>(path: string) => request<T>("DELETE", path),
  /** Uploads one file as multipart field `file`, with the same token, language and problems. */
  upload: <T>(path: string, file: File) => {
    const form = new FormData();
    form.append("file", file);
    return request<T>("POST", path, { form });
  },
};
