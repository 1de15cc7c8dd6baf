import { Button, Group, Modal, Paper, Progress, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { CohortDetail } from "../../../contracts/establishments.ts";
import { ConfirmButton } from "../../shared/confirm-button.tsx";
import { PageHeader } from "../../shared/page-header.tsx";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { useCan } from "../auth/auth.api.ts";
import { useRegionName } from "../territories/territories.api.ts";
import { CohortAddMembers } from "./cohort-add-members.tsx";
import { CohortForm } from "./cohort-form.tsx";
import { useArchiveCohort, useRemoveCohortMember } from "./cohorts.api.ts";
import { cohortQueryOptions } from "./establishments.api.ts";

const route = getRouteApi("/_app/cohorts/$id");

function Bar({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm">{label}</Text>
        <Text size="sm" fw={600}>
          {value} %
        </Text>
      </Group>
      <Progress value={value} aria-label={label} size="lg" />
    </Stack>
  );
}

/** A pilot cohort: target vs actual, equipment rates, members with their project progress. */
export function CohortPage() {
  const { t, i18n } = useTranslation();
  const { id } = route.useParams();
  const query = useQuery(cohortQueryOptions(id));
  const regionName = useRegionName();
  const canManage = useCan("cohorts.manage");
  const remove = useRemoveCohortMember(id);
  const c = query.data;
  return (
    <>
      <PageHeader
        title={c ? (i18n.language === "ar" && c.nameAr) || c.nameFr : t("establishments.cohorts.title")}
        back={
          <Group gap="md">
            <AnchorLink to="/cohorts" size="sm">
              {t("establishments.cohorts.title")}
            </AnchorLink>
            <AnchorLink to="/establishments" search={{ cohort: id }} size="sm">
              {t("establishments.backToList")}
            </AnchorLink>
          </Group>
        }
        meta={
          c && (
            <Text size="sm" c="dimmed">
              {[c.code, c.partnerName && `${t("establishmentsFollowup.cohorts.partner")} : ${c.partnerName}`]
                .filter(Boolean)
                .join(" · ")}
            </Text>
          )
        }
        actions={canManage && c && <CohortActions cohort={c} />}
      />
      <QueryState query={query}>
        {(cohort) => (
          <Stack>
            <Paper withBorder p="md">
              {cohort.goal && (
                <Text mb="sm">
                  <b>{t("establishments.cohorts.goal")} : </b>
                  {cohort.goal}
                </Text>
              )}
              <Bar
                label={`${t("establishments.cohorts.actual")} ${cohort.actualCount} / ${t("establishments.cohorts.target")} ${cohort.targetCount}`}
                value={Math.min(100, Math.round((cohort.actualCount / cohort.targetCount) * 100))}
              />
            </Paper>
            <Paper withBorder p="md">
              <Text fw={600} mb="sm">
                {t("establishments.cohorts.rates")}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Bar label={t("establishments.cohorts.connected")} value={cohort.rates.connected} />
                <Bar label={t("establishments.cohorts.solar")} value={cohort.rates.solar} />
                <Bar label={t("establishments.cohorts.hotWater")} value={cohort.rates.hotWater} />
              </SimpleGrid>
            </Paper>
            <Paper withBorder p="md">
              <Text fw={600} mb="sm">
                {t("establishments.cohorts.members")}
              </Text>
              {canManage && (
                <Stack mb="md" gap="xs">
                  <CohortAddMembers cohortId={id} memberIds={cohort.members.map((m) => m.id)} />
                </Stack>
              )}
              {remove.isError && <ProblemAlert error={remove.error} />}
              {cohort.members.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t("establishmentsFollowup.cohorts.noMembers")}
                </Text>
              )}
              {cohort.members.length > 0 && (
                <Table.ScrollContainer minWidth={700}>
                  <Table striped aria-label={t("establishments.cohorts.members")}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t("establishments.fields.code")}</Table.Th>
                        <Table.Th>{t("establishmentsFollowup.cohorts.name")}</Table.Th>
                        <Table.Th>{t("establishments.fields.regionCode")}</Table.Th>
                        <Table.Th>{t("establishments.fields.connectivity")}</Table.Th>
                        <Table.Th>{t("establishments.fields.solarKwp")}</Table.Th>
                        <Table.Th>{t("establishments.fields.hotWater")}</Table.Th>
                        <Table.Th>{t("establishments.cohorts.progress")}</Table.Th>
                        {canManage && <Table.Th />}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {cohort.members.map((m) => (
                        <Table.Tr key={m.id}>
                          <Table.Td>{m.code}</Table.Td>
                          <Table.Td>
                            <AnchorLink to="/establishments/$id" params={{ id: m.id }}>
                              {(i18n.language === "ar" && m.nameAr) || m.nameFr}
                            </AnchorLink>
                          </Table.Td>
                          <Table.Td>{regionName(m.regionCode)}</Table.Td>
                          <Table.Td>{t(`establishments.connectivityTypes.${m.connectivity}`)}</Table.Td>
                          <Table.Td>{m.solarKwp ?? "—"}</Table.Td>
                          <Table.Td>{t(`establishments.hotWaterTypes.${m.hotWater}`)}</Table.Td>
                          <Table.Td w={160}>
                            {m.projectProgress === null ? (
                              "—"
                            ) : (
                              <Group gap="xs" wrap="nowrap">
                                <Progress
                                  value={m.projectProgress}
                                  w={90}
                                  aria-label={t("establishments.cohorts.progress")}
                                />
                                <Text size="xs">{m.projectProgress} %</Text>
                              </Group>
                            )}
                          </Table.Td>
                          {canManage && (
                            <Table.Td>
                              <Button
                                size="xs"
                                variant="subtle"
                                color="red"
                                loading={remove.isPending && remove.variables === m.id}
                                aria-label={t("establishmentsFollowup.cohorts.removeLabel", {
                                  name: m.nameFr,
                                })}
                                onClick={() =>
                                  remove.mutate(m.id, {
                                    onSuccess: () =>
                                      notifications.show({
                                        color: "teal",
                                        message: t("establishmentsFollowup.cohorts.removed"),
                                      }),
                                  })
                                }
                              >
                                {t("establishmentsFollowup.cohorts.remove")}
                              </Button>
                            </Table.Td>
                          )}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Paper>
          </Stack>
        )}
      </QueryState>
    </>
  );
}

/** Edit (in a dialog, with the version read) and archive, for holders of cohorts.manage. */
function CohortActions({ cohort }: { cohort: CohortDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, dialog] = useDisclosure(false);
  const archive = useArchiveCohort(cohort.id);
  return (
    <>
      <Button variant="default" onClick={dialog.open}>
        {t("establishmentsFollowup.cohorts.edit")}
      </Button>
      <ConfirmButton
        variant="light"
        color="red"
        loading={archive.isPending}
        title={t("establishmentsFollowup.cohorts.archive")}
        message={t("establishmentsFollowup.cohorts.archiveConfirm")}
        confirmLabel={t("establishmentsFollowup.cohorts.archive")}
        onConfirm={() =>
          archive.mutate(cohort.version, {
            onSuccess: () => {
              notifications.show({ color: "teal", message: t("establishmentsFollowup.cohorts.archived") });
              void navigate({ to: "/cohorts" });
            },
            onError: (e) => notifications.show({ color: "red", message: e.message }),
          })
        }
      >
        {t("establishmentsFollowup.cohorts.archive")}
      </ConfirmButton>
      <Modal
        opened={opened}
        onClose={dialog.close}
        title={t("establishmentsFollowup.cohorts.editTitle")}
        size="lg"
      >
        <CohortForm cohort={cohort} onDone={dialog.close} />
      </Modal>
    </>
  );
}
