import { Button, Group, Paper, Select, Stack, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/page-header.tsx";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { PersonSelect } from "../beneficiaries/person-select.tsx";
import { EligibilityExplanation } from "./eligibility-explanation.tsx";
import { useBilingual } from "./program-labels.tsx";
import { activeProgramsQueryOptions, useCreateApplication, usePersonEligibility } from "./programs.api.ts";

const route = getRouteApi("/_app/applications/new");

/** A social worker files an application: the person, the programme, the eligibility shown before filing. */
export function ApplicationCreatePage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate();
  const programs = useQuery(activeProgramsQueryOptions);
  const name = useBilingual();
  const [personId, setPersonId] = useState<string | null>(search.personId ?? null);
  const [programId, setProgramId] = useState<string | null>(search.programId ?? null);
  const [notes, setNotes] = useState("");
  const eligibility = usePersonEligibility(programId);
  const create = useCreateApplication();
  const { mutate: evaluate, reset } = eligibility;

  useEffect(() => {
    reset();
    if (personId && programId) evaluate(personId);
  }, [personId, programId, evaluate, reset]);

  const submit = async () => {
    if (!personId || !programId) return;
    const application = await create.mutateAsync({ personId, programId, notes: notes.trim() || null });
    notifications.show({ color: "teal", message: t("programs.applications.filed") });
    await navigate({ to: "/applications/$id", params: { id: application.id } });
  };

  return (
    <>
      <PageHeader
        title={t("programs.applications.new")}
        back={
          <AnchorLink to="/applications" size="sm">
            {t("programs.applications.backToList")}
          </AnchorLink>
        }
      />
      <Stack maw={820}>
        <Paper withBorder p="md">
          <Stack>
            <PersonSelect
              label={t("programs.applications.person")}
              withAsterisk
              value={personId}
              onChange={setPersonId}
            />
            <Select
              label={t("programs.applications.program")}
              withAsterisk
              searchable
              data={(programs.data ?? []).map((p) => ({ value: p.id, label: name(p) }))}
              value={programId}
              onChange={setProgramId}
            />
            <Textarea
              label={t("programs.applications.notes")}
              autosize
              minRows={2}
              value={notes}
              onChange={(e) => setNotes(e.currentTarget.value)}
            />
          </Stack>
        </Paper>
        {eligibility.data && (
          <Paper withBorder p="md">
            <EligibilityExplanation {...eligibility.data} />
          </Paper>
        )}
        {eligibility.error && <ProblemAlert error={eligibility.error} />}
        {create.error && <ProblemAlert error={create.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => navigate({ to: "/applications" })}>
            {t("common.cancel")}
          </Button>
          <Button
            onClick={() => void submit().catch(() => {})}
            disabled={!personId || !programId}
            loading={create.isPending}
          >
            {t("programs.applications.file")}
          </Button>
        </Group>
      </Stack>
    </>
  );
}
