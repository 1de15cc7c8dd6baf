import type { Role } from "../../../contracts/access.ts";
import { flag, text } from "../../shared/search-params.ts";

/** The users list's URL search: name or e-mail, role, and whether disabled accounts show. */
export interface UserSearch {
  q?: string;
  role?: Role;
  disabled?: true;
}

export const validateUserSearch = (search: Record<string, unknown>): UserSearch => ({
  q: text(search.q),
  role: text(search.role) as Role | undefined,
  disabled: flag(search.disabled),
});
