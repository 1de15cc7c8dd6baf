import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  FileInput,
  Group,
  Paper,
  Progress,
  RingProgress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  PERSON_IMPORT_ENCODINGS,
  PERSON_IMPORT_MAX_BYTES,
  type PersonImport,
} from "../../../contracts/person-imports.ts";
import { useFormat } from "../../shared/format.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { useMe } from "../auth/auth.api.ts";
import {
  isRunning,
  personImportsQueryOptions,
  rejectedUrl,
  uploadPersonFile,
  usePersonImport,
  usePersonImports,
} from "./person-import.api.ts";

const STATUS_COLOR: Record<PersonImport["status"], string> = {
  received: "gray",
  reading: "blue",
  writing: "blue",
  indexing: "blue",
  completed: "teal",
  failed: "red",
};

/** Bulk import of persons: choose a file, watch it upload then being processed, read the outcome. */
export function PersonImportPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<string>("auto");
  const [uploading, setUploading] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [jobId, setJobId] = useState<string>();
  const [alreadyImported, setAlreadyImported] = useState(false);
  const job = usePersonImport(jobId);

  const start = async () => {
    if (!file) return;
    setError(null);
    setJobId(undefined);
    setUploading(0);
    try {
      const receipt = await uploadPersonFile(file, {
        encoding,
        csrfToken: me?.csrfToken ?? null,
        language: i18n.language,
        onProgress: setUploading,
      });
      setAlreadyImported(receipt.alreadyImported);
      queryClient.setQueryData(["person-imports", "detail", receipt.job.id], receipt.job);
      setJobId(receipt.job.id);
    } catch (e) {
      setError(e);
    } finally {
      setUploading(null);
      void queryClient.invalidateQueries({ queryKey: personImportsQueryOptions.queryKey });
    }
  };

  const current = job.data;
  const busy = uploading !== null || isRunning(current);
  // When a job ends, the history below shows its final counts.
  const ended = current && !isRunning(current) ? `${current.id}:${current.status}` : undefined;
  useEffect(() => {
    if (ended) void queryClient.invalidateQueries({ queryKey: personImportsQueryOptions.queryKey });
  }, [ended, queryClient]);

  return (
    <>
      <PageHeader
        title={t("personImports.title")}
        back={
          <AnchorLink to="/persons" size="sm">
            {t("nav.beneficiaries")}
          </AnchorLink>
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Text size="sm">{t("personImports.intro")}</Text>
            <Text size="sm" c="dimmed">
              {t("personImports.columnsHelp")}
            </Text>
            <Group align="flex-end" gap="md" wrap="wrap">
              <FileInput
                label={t("personImports.chooseFile")}
                placeholder={t("personImports.choosePlaceholder")}
                description={t("personImports.maxSize", { max: PERSON_IMPORT_MAX_BYTES / 1024 ** 2 })}
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                value={file}
                onChange={setFile}
                disabled={busy}
                clearable
                w={320}
              />
              <Select
                label={t("personImports.encoding")}
                data={PERSON_IMPORT_ENCODINGS.map((e) => ({
                  value: e,
                  label: t(`personImports.encodings.${e}`),
                }))}
                value={encoding}
                onChange={(v) => setEncoding(v ?? "auto")}
                allowDeselect={false}
                disabled={busy}
                w={360}
              />
              <Button onClick={start} disabled={!file || busy} loading={busy}>
                {t("personImports.start")}
              </Button>
            </Group>
            {uploading !== null && (
              <Stack gap={4}>
                <Text size="sm">
                  {t("personImports.uploading", { percent: Math.round(uploading * 100) })}
                </Text>
                <Progress
                  value={uploading * 100}
                  aria-label={t("personImports.uploading", { percent: Math.round(uploading * 100) })}
                />
              </Stack>
            )}
            {error ? <ProblemAlert error={error} /> : null}
          </Stack>
        </Paper>
        {current && <ImportResult job={current} alreadyImported={alreadyImported} />}
        <History />
      </Stack>
    </>
  );
}

function ImportResult({ job, alreadyImported }: { job: PersonImport; alreadyImported: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const running = isRunning(job);
  const percent = Math.round(job.progress * 100);
  const total = job.rowsImported + job.rowsRejected;
  return (
    <Paper withBorder p="md" data-testid="import-result">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t("personImports.result")} — <span dir="ltr">{job.fileName}</span>
          </Title>
          <Badge color={STATUS_COLOR[job.status]}>{t(`personImports.statuses.${job.status}`)}</Badge>
        </Group>
        {alreadyImported && <Alert color="blue">{t("personImports.alreadyImported")}</Alert>}
        {running && (
          <Stack gap={4}>
            <Text size="sm">{t("personImports.processing", { percent })}</Text>
            <Progress value={percent} animated aria-label={t("personImports.processing", { percent })} />
          </Stack>
        )}
        {job.error && (
          <Alert color="red" role="alert">
            {job.error.message}
          </Alert>
        )}
        <Group align="center" gap="xl" wrap="wrap">
          {job.status === "completed" && total > 0 && (
            <RingProgress
              size={120}
              thickness={14}
              aria-label={t("personImports.chartLabel")}
              label={
                <Center>
                  <Text size="sm" fw={600}>
                    {format.number(Math.round((100 * job.rowsImported) / total))} %
                  </Text>
                </Center>
              }
              sections={[
                {
                  value: (100 * job.rowsImported) / total,
                  color: "teal",
                  tooltip: t("personImports.rowsImported"),
                },
                {
                  value: (100 * job.rowsRejected) / total,
                  color: "red",
                  tooltip: t("personImports.rowsRejected"),
                },
              ]}
            />
          )}
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="lg">
            <Stat
              label={t("personImports.rowsRead")}
              value={format.number(job.rowsRead)}
              testId="rows-read"
            />
            <Stat
              label={t("personImports.rowsImported")}
              value={format.number(job.rowsImported)}
              color="teal"
              testId="rows-imported"
            />
            <Stat
              label={t("personImports.rowsRejected")}
              value={format.number(job.rowsRejected)}
              color="red"
              testId="rows-rejected"
            />
            <Stat
              label={t("personImports.householdsImported")}
              value={format.number(job.householdsImported)}
              testId="households"
            />
          </SimpleGrid>
        </Group>
        {job.rowsRejected > 0 && (
          <Group>
            <Button
              component="a"
              href={rejectedUrl(job.id, i18n.language)}
              download
              variant="light"
              color="red"
            >
              {t("personImports.downloadRejected")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function Stat({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: string;
  color?: string;
  testId: string;
}) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={color} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

function History() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const list = usePersonImports();
  const items = list.data?.items ?? [];
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t("personImports.history")}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("personImports.noImports")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("personImports.fileName")}</Table.Th>
                <Table.Th>{t("personImports.date")}</Table.Th>
                <Table.Th>{t("personImports.status")}</Table.Th>
                <Table.Th>{t("personImports.rowsImported")}</Table.Th>
                <Table.Th>{t("personImports.rowsRejected")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((job) => (
                <Table.Tr key={job.id}>
                  <Table.Td dir="ltr">{job.fileName}</Table.Td>
                  <Table.Td>{format.dateTime(job.createdAt)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[job.status]} variant="light">
                      {t(`personImports.statuses.${job.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{format.number(job.rowsImported)}</Table.Td>
                  <Table.Td>
                    {job.rowsRejected > 0 ? (
                      <Anchor href={rejectedUrl(job.id, i18n.language)} download size="sm">
                        {format.number(job.rowsRejected)}
                      </Anchor>
                    ) : (
                      format.number(job.rowsRejected)
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
