import type { ProposalStatus, ProposalTheme } from "../../../contracts/proposals.ts";
import { text } from "../../shared/search-params.ts";

/** The proposals list's URL search: text, status, theme, region. */
export interface ProposalSearch {
  q?: string;
  status?: ProposalStatus;
  theme?: ProposalTheme;
  region?: string;
}

export const validateProposalSearch = (search: Record<string, unknown>): ProposalSearch => ({
  q: text(search.q),
  // The server checks the values; an unknown one in a hand-typed URL gets its message.
  status: text(search.status) as ProposalStatus | undefined,
  theme: text(search.theme) as ProposalTheme | undefined,
  region: text(search.region),
});
