import {
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiToken } from "../../../contracts/access.ts";
import { ConfirmButton } from "../../shared/confirm-button.tsx";
import { useFormProblem } from "../../shared/form-problem.ts";
import { useFormat } from "../../shared/format.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { EmptyMessage, QueryState } from "../../shared/query-state.tsx";
import { SecretReveal } from "../../shared/secret-reveal.tsx";
import { tokensQueryOptions, useCreateToken, useRevokeToken } from "./tokens.api.ts";

export function TokensPage() {
  const { t } = useTranslation();
  const tokens = useQuery(tokensQueryOptions);
  const [secret, setSecret] = useState<string | null>(null);

  return (
    <>
      <PageHeader title={t("tokens.title")} meta={<Text c="dimmed">{t("tokens.subtitle")}</Text>} />
      <Stack>
        {secret ? (
          <SecretReveal
            title={t("tokens.secretTitle")}
            warning={t("tokens.secretWarning")}
            secret={secret}
            onDone={() => setSecret(null)}
          />
        ) : (
          <NewTokenForm onCreated={setSecret} />
        )}
        <QueryState query={tokens}>
          {(items) =>
            items.length === 0 ? <EmptyMessage title={t("tokens.empty")} /> : <TokenTable tokens={items} />
          }
        </QueryState>
      </Stack>
    </>
  );
}

const EXPIRY_DAYS = ["30", "90", "365", "730", "never"] as const;
type Expiry = (typeof EXPIRY_DAYS)[number];

function NewTokenForm({ onCreated }: { onCreated: (secret: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const form = useForm<{ name: string; expiry: Expiry }>({ initialValues: { name: "", expiry: "90" } });
  const { problem, report, clear } = useFormProblem(form);

  const submit = form.onSubmit(async (values) => {
    clear();
    const expiresInDays = values.expiry === "never" ? null : Number(values.expiry);
    await create.mutateAsync({ name: values.name.trim(), expiresInDays }).then((created) => {
      form.reset();
      onCreated(created.secret);
    }, report);
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-token">
      <Title order={2} size="h4" mb="sm" id="new-token">
        {t("tokens.new")}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t("tokens.fields.name")}
              description={t("tokens.nameHint")}
              withAsterisk
              flex="1 1 240px"
              {...form.getInputProps("name")}
            />
            <Select
              label={t("tokens.fields.validity")}
              data={EXPIRY_DAYS.map((days) => ({ value: days, label: t(`tokens.validity.${days}`) }))}
              allowDeselect={false}
              w={200}
              {...form.getInputProps("expiry")}
            />
          </Group>
          {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting}>
              {t("tokens.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function TokenTable({ tokens }: { tokens: ApiToken[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const revoke = useRevokeToken();
  const when = (iso: string | null, none: string) => (iso ? format.dateTime(iso) : none);

  return (
    <Stack gap="xs">
      {revoke.error && <ProblemAlert error={revoke.error} />}
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="xs" aria-label={t("tokens.title")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("tokens.fields.name")}</Table.Th>
              <Table.Th scope="col">{t("tokens.fields.prefix")}</Table.Th>
              <Table.Th scope="col">{t("tokens.fields.createdAt")}</Table.Th>
              <Table.Th scope="col">{t("tokens.fields.lastUsedAt")}</Table.Th>
              <Table.Th scope="col">{t("tokens.fields.expiresAt")}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td fw={500}>{token.name}</Table.Td>
                <Table.Td>
                  <code className="jisr-ltr">{token.prefix}…</code>
                </Table.Td>
                <Table.Td>{format.dateTime(token.createdAt)}</Table.Td>
                <Table.Td>{when(token.lastUsedAt, t("tokens.neverUsed"))}</Table.Td>
                <Table.Td>{when(token.expiresAt, t("tokens.noExpiry"))}</Table.Td>
                <Table.Td>
                  <ConfirmButton
                    size="xs"
                    variant="subtle"
                    color="red"
                    loading={revoke.isPending && revoke.variables === token.id}
                    title={t("tokens.revokeConfirm.title")}
                    message={t("tokens.revokeConfirm.message", { name: token.name })}
                    confirmLabel={t("tokens.revoke")}
                    onConfirm={() => revoke.mutate(token.id)}
                  >
                    {t("tokens.revoke")}
                  </ConfirmButton>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
