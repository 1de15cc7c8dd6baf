import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ConvertProposalBody,
  CreateProposalBody,
  Proposal,
  ProposalAction,
  ProposalAttachment,
  ProposalComment,
  ProposalDetail,
} from "../../../contracts/proposals.ts";
import { cursorQueryOptions, type Page } from "../../shared/cursor-query.ts";
import { buildUrl, http } from "../../shared/http.ts";
import type { ProposalSearch } from "./proposals.search.ts";

export type ProposalInput = z.input<typeof CreateProposalBody>;
export type ConvertInput = z.input<typeof ConvertProposalBody>;

const keys = {
  all: ["proposals"] as const,
  list: (search: ProposalSearch) => ["proposals", "list", search] as const,
  detail: (id: string) => ["proposals", "detail", id] as const,
  comments: (id: string) => ["proposals", "comments", id] as const,
  byProject: (projectId: string) => ["proposals", "byProject", projectId] as const,
};

const filterParams = (search: ProposalSearch) => ({
  q: search.q,
  status: search.status,
  theme: search.theme,
  region: search.region,
});

export const proposalListQueryOptions = (search: ProposalSearch) => ({
  ...cursorQueryOptions(keys.list(search), (cursor, signal) =>
    http.get<Page<Proposal>>("/proposals", { ...filterParams(search), limit: 50, cursor }, signal),
  ),
  placeholderData: keepPreviousData,
});

export const exportUrl = (search: ProposalSearch, format: "csv" | "xlsx") =>
  buildUrl("/proposals/export", { ...filterParams(search), format });

export const proposalQueryOptions = (id: string) =>
  queryOptions({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => http.get<ProposalDetail>(`/proposals/${id}`, undefined, signal),
  });

export const commentsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: keys.comments(id),
    queryFn: ({ signal }) =>
      http.get<Page<ProposalComment>>(`/proposals/${id}/comments`, { limit: 200 }, signal),
    select: (page) => page.items,
  });

/** The proposal a project came from, if any: for the project's page. */
export const proposalOfProjectQueryOptions = (projectId: string) =>
  queryOptions({
    queryKey: keys.byProject(projectId),
    queryFn: ({ signal }) => http.get<Page<Proposal>>("/proposals", { projectId, limit: 1 }, signal),
    select: (page) => page.items[0] ?? null,
  });

/** After any write: the proposal as the server returned it, and lists fetched again. */
function useStore() {
  const queryClient = useQueryClient();
  return (proposal: ProposalDetail) => {
    queryClient.setQueryData(keys.detail(proposal.id), proposal);
    void queryClient.invalidateQueries({
      queryKey: keys.all,
      predicate: (query) => query.queryKey[1] !== "detail",
    });
  };
}

export function useSubmitProposal() {
  const store = useStore();
  return useMutation({
    mutationFn: (body: ProposalInput) => http.post<ProposalDetail>("/proposals", body),
    onSuccess: store,
  });
}

export function useTransition(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (body: { version: number; action: ProposalAction; note?: string | null }) =>
      http.post<ProposalDetail>(`/proposals/${id}/transitions`, body),
    onSuccess: store,
  });
}

export function useConvert(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (body: ConvertInput) => http.post<ProposalDetail>(`/proposals/${id}/project`, body),
    onSuccess: store,
  });
}

export function useSupport(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: ({ organizationId, withdraw }: { organizationId: string; withdraw?: boolean }) =>
      withdraw
        ? http.delete<ProposalDetail>(`/proposals/${id}/supports/${organizationId}`)
        : http.post<ProposalDetail>(`/proposals/${id}/supports`, { organizationId }),
    onSuccess: store,
  });
}

export function useComment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => http.post<ProposalComment>(`/proposals/${id}/comments`, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

/** Uploads one file; the list on the detail page refreshes. */
export function useAttach(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => http.upload<ProposalAttachment>(`/proposals/${id}/attachments`, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.detail(id) }),
  });
}

export const attachmentUrl = (id: string, fileId: string) =>
  buildUrl(`/proposals/${id}/attachments/${fileId}`);
