import { text } from "../../shared/search-params.ts";

/** The status page can be opened with the tracking code filled in (link shown after applying). */
export const validatePublicStatusSearch = (search: Record<string, unknown>): { code?: string } => ({
  code: text(search.code),
});
