import { Group, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../shared/router-links.tsx";
import { useCan } from "../auth/auth.api.ts";
import { proposalOfProjectQueryOptions } from "./proposals.api.ts";

/**
 * "From the proposal …" for a project's page: the other end of the link a
 * converted proposal keeps (proposals.project_id). Renders nothing when the
 * project did not come from a proposal or the reader cannot see proposals.
 */
export function ProposalOrigin({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const canRead = useCan("proposals.read");
  const origin = useQuery({ ...proposalOfProjectQueryOptions(projectId), enabled: canRead });
  if (!origin.data) return null;
  return (
    <Group gap={6}>
      <Text size="sm" c="dimmed">
        {t("proposals.project.fromProposal")}
      </Text>
      <AnchorLink to="/proposals/$id" params={{ id: origin.data.id }} size="sm">
        {origin.data.title}
      </AnchorLink>
    </Group>
  );
}
