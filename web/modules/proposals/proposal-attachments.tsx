import { Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ProposalDetail } from "../../../contracts/proposals.ts";

/** Files attached to the proposal. */
export function ProposalAttachments({ proposal }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("proposals.attachments.title")}
        </Title>
        {proposal.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("proposals.attachments.empty")}
          </Text>
        ) : (
          <Stack gap={4}>
            {proposal.attachments.map((a) => (
              <Text key={a.id} size="sm">
                {a.fileName}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
