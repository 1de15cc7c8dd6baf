import { keepPreviousData } from "@tanstack/react-query";
import type { AuditEvent } from "../../../contracts/access.ts";
import { cursorQueryOptions, type Page } from "../../shared/cursor-query.ts";
import { http } from "../../shared/http.ts";
import type { AuditSearch } from "./audit.search.ts";

export const auditEventsQueryOptions = (search: AuditSearch) => ({
  ...cursorQueryOptions(["audit-events", search], (cursor, signal) =>
    http.get<Page<AuditEvent>>("/audit-events", { ...search, limit: 50, cursor }, signal),
  ),
  placeholderData: keepPreviousData,
});
