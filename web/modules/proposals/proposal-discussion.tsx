import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ProposalDetail } from "../../../contracts/proposals.ts";
import { useFormProblem } from "../../shared/form-problem.ts";
import { useFormat } from "../../shared/format.ts";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { commentsQueryOptions, useComment, useSupport } from "./proposals.api.ts";

/** Organisations supporting the proposal, and the caller's support buttons. */
export function ProposalSupports({ proposal }: { proposal: ProposalDetail }) {
  const { t, i18n } = useTranslation();
  const support = useSupport(proposal.id);
  const format = useFormat();
  const name = (o: { name: string; nameAr: string | null }) => (i18n.language === "ar" && o.nameAr) || o.name;
  const act = (organizationId: string, withdraw: boolean) =>
    support.mutate(
      { organizationId, withdraw },
      {
        onSuccess: () =>
          notifications.show({
            color: "teal",
            message: t(withdraw ? "proposals.supports.withdrawn" : "proposals.supports.done"),
          }),
      },
    );
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t("proposals.supports.title")}
          </Title>
          <Badge size="lg" color="grape" variant="light">
            {t("proposals.supports.count", { count: proposal.supportCount })}
          </Badge>
        </Group>
        {proposal.supports.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("proposals.supports.empty")}
          </Text>
        ) : (
          <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
            {proposal.supports.map((s) => (
              <Group key={s.organizationId} component="li" justify="space-between" gap="xs">
                <Text size="sm">{name({ name: s.organizationName, nameAr: s.organizationNameAr })}</Text>
                <Text size="xs" c="dimmed">
                  {format.date(s.createdAt)}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
        <Group gap="xs">
          {proposal.can.supportAs.map((o) => (
            <Button
              key={o.id}
              color="grape"
              size="sm"
              loading={support.isPending}
              onClick={() => act(o.id, false)}
            >
              {t("proposals.supports.support", { name: name(o) })}
            </Button>
          ))}
          {proposal.can.supportedAs.map((id) => {
            const s = proposal.supports.find((x) => x.organizationId === id);
            return (
              <Button
                key={id}
                variant="default"
                size="sm"
                loading={support.isPending}
                onClick={() => act(id, true)}
              >
                {t("proposals.supports.withdraw", {
                  name: s ? name({ name: s.organizationName, nameAr: s.organizationNameAr }) : id,
                })}
              </Button>
            );
          })}
        </Group>
        {support.error && <ProblemAlert error={support.error} />}
      </Stack>
    </Paper>
  );
}

/** The comment thread, oldest first, and a box to add to it. */
export function ProposalComments({ proposal }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const comments = useQuery(commentsQueryOptions(proposal.id));
  const comment = useComment(proposal.id);
  const format = useFormat();
  const form = useForm({ initialValues: { body: "" } });
  const { problem, report, clear } = useFormProblem(form);
  const submit = form.onSubmit(async ({ body }) => {
    clear();
    try {
      await comment.mutateAsync(body);
      form.reset();
      notifications.show({ color: "teal", message: t("proposals.comments.sent") });
    } catch (error) {
      report(error);
    }
  });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("proposals.comments.title")}
        </Title>
        <QueryState query={comments}>
          {(items) =>
            items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("proposals.comments.empty")}
              </Text>
            ) : (
              <Stack
                gap="xs"
                component="ol"
                m={0}
                p={0}
                style={{ listStyle: "none" }}
                aria-label={t("proposals.comments.title")}
              >
                {items.map((c) => (
                  <Paper key={c.id} component="li" bg="gray.0" p="sm" radius="sm">
                    <Text size="xs" c="dimmed">
                      {/* Isolated: a Latin name beside an Arabic date must not reorder the line. */}
                      <bdi>{c.authorName}</bdi>
                      {c.organizationName && (
                        <>
                          {" · "}
                          <bdi>{c.organizationName}</bdi>
                        </>
                      )}
                      {" · "}
                      <bdi>{format.dateTime(c.createdAt)}</bdi>
                    </Text>
                    <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                      {c.body}
                    </Text>
                  </Paper>
                ))}
              </Stack>
            )
          }
        </QueryState>
        {proposal.can.canComment && (
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              <Textarea
                label={t("proposals.comments.label")}
                autosize
                minRows={2}
                {...form.getInputProps("body")}
              />
              {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
              <Group justify="flex-end">
                <Button type="submit" variant="light" loading={comment.isPending}>
                  {t("proposals.comments.send")}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
