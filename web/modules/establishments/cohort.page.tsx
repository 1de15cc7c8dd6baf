import { Group, Paper, Progress, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/page-header.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { useRegionName } from "../territories/territories.api.ts";
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
  const c = query.data;
  return (
    <>
      <PageHeader
        title={c ? (i18n.language === "ar" && c.nameAr) || c.nameFr : t("establishments.cohorts.title")}
        back={
          <AnchorLink to="/establishments" search={{ cohort: id }} size="sm">
            {t("establishments.backToList")}
          </AnchorLink>
        }
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
              <Table.ScrollContainer minWidth={700}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("establishments.fields.code")}</Table.Th>
                      <Table.Th>{t("establishments.fields.nameFr")}</Table.Th>
                      <Table.Th>{t("establishments.fields.regionCode")}</Table.Th>
                      <Table.Th>{t("establishments.fields.connectivity")}</Table.Th>
                      <Table.Th>{t("establishments.fields.solarKwp")}</Table.Th>
                      <Table.Th>{t("establishments.fields.hotWater")}</Table.Th>
                      <Table.Th>{t("establishments.cohorts.progress")}</Table.Th>
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
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
