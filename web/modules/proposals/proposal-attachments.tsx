import { Anchor, Button, FileButton, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import type { ProposalDetail } from "../../../contracts/proposals.ts";
import { useFormat } from "../../shared/format.ts";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { attachmentUrl, useAttach } from "./proposals.api.ts";

/** Files attached to the proposal (studies, quotes, letters of support); the author and reviewers add them. */
export function ProposalAttachments({ proposal }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const attach = useAttach(proposal.id);
  const format = useFormat();
  const upload = (file: File | null) => {
    if (!file) return;
    attach.mutate(file, {
      onSuccess: () => notifications.show({ color: "teal", message: t("proposals.attachments.uploaded") }),
    });
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t("proposals.attachments.title")}
          </Title>
          {proposal.can.canAttach && (
            <FileButton
              onChange={upload}
              accept=".pdf,.png,.jpg,.jpeg,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.txt,.csv"
            >
              {(props) => (
                <Button {...props} size="xs" variant="light" loading={attach.isPending}>
                  {t("proposals.attachments.upload")}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        {proposal.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("proposals.attachments.empty")}
          </Text>
        ) : (
          <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
            {proposal.attachments.map((a) => (
              <Group key={a.id} component="li" justify="space-between" gap="xs" wrap="nowrap">
                <Anchor href={attachmentUrl(proposal.id, a.id)} size="sm" download>
                  {a.fileName}
                </Anchor>
                <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                  {t("proposals.attachments.size", { kb: format.number(Math.ceil(a.sizeBytes / 1024)) })} ·{" "}
                  {format.date(a.createdAt)}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
        {attach.error && <ProblemAlert error={attach.error} />}
      </Stack>
    </Paper>
  );
}
