import {
  Badge,
  Grid,
  Group,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Region } from "../../../contracts/territories.ts";
import { useFormat } from "../../shared/format.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { EmptyMessage, QueryState } from "../../shared/query-state.tsx";
import { provincesQueryOptions, regionsQueryOptions, useTerritoryName } from "./territories.api.ts";

const route = getRouteApi("/_app/territories");

export function TerritoriesPage() {
  const { t } = useTranslation();
  const regions = useQuery(regionsQueryOptions);
  const { region } = route.useSearch();

  return (
    <>
      <PageHeader title={t("territories.title")} meta={<Text c="dimmed">{t("territories.subtitle")}</Text>} />
      <QueryState query={regions}>
        {(items) => (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <RegionChart regions={items} selected={region} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <ProvincesPanel region={items.find((candidate) => candidate.code === region) ?? null} />
            </Grid.Col>
          </Grid>
        )}
      </QueryState>
    </>
  );
}

/** One bar per region, longest for the most populated; choosing a region lists its provinces. */
function RegionChart({ regions, selected }: { regions: Region[]; selected: string | undefined }) {
  const { t } = useTranslation();
  const navigate = route.useNavigate();
  const name = useTerritoryName();
  const format = useFormat();
  const sorted = [...regions].sort((a, b) => b.population2024 - a.population2024);
  const max = Math.max(1, ...sorted.map((region) => region.population2024));
  const total = sorted.reduce((sum, region) => sum + region.population2024, 0);

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t("territories.populationByRegion")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("territories.total", { population: format.number(total) })}
        </Text>
      </Group>
      <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: "none" }}>
        {sorted.map((region) => (
          <li key={region.code}>
            <UnstyledButton
              w="100%"
              p={6}
              aria-pressed={region.code === selected}
              onClick={() => navigate({ search: { region: region.code } })}
              bg={region.code === selected ? "teal.0" : undefined}
              style={{ borderRadius: "var(--mantine-radius-sm)" }}
            >
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" fw={region.code === selected ? 700 : 500} truncate>
                  {name(region)}
                </Text>
                <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                  {format.number(region.population2024)}
                </Text>
              </Group>
              <Progress
                value={(region.population2024 / max) * 100}
                size="md"
                mt={4}
                aria-hidden
                color={region.code === selected ? "teal.7" : "teal.4"}
              />
            </UnstyledButton>
          </li>
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt="sm">
        {t("territories.source")}
      </Text>
    </Paper>
  );
}

function ProvincesPanel({ region }: { region: Region | null }) {
  const { t } = useTranslation();
  const name = useTerritoryName();
  const format = useFormat();
  const provinces = useQuery({ ...provincesQueryOptions(region?.code ?? null), enabled: region !== null });

  if (!region) {
    return (
      <Paper withBorder p="md">
        <EmptyMessage title={t("territories.pickRegion")} description={t("territories.pickRegionHint")} />
      </Paper>
    );
  }

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4">
        {name(region)}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        <span className="jisr-ltr">{region.code}</span> ·{" "}
        {t("territories.population", { population: format.number(region.population2024) })} ·{" "}
        {t("territories.provinceCount", { count: region.provinceCount })}
      </Text>
      <QueryState query={provinces}>
        {(items) => (
          <Table verticalSpacing={6} aria-label={t("territories.provincesOf", { region: name(region) })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("territories.columns.name")}</Table.Th>
                <Table.Th scope="col">{t("territories.columns.kind")}</Table.Th>
                <Table.Th scope="col">{t("territories.columns.code")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((province) => (
                <Table.Tr key={province.code}>
                  <Table.Td>{name(province)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={province.kind === "prefecture" ? "grape" : "blue"}>
                      {t(`territories.kinds.${province.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <span className="jisr-ltr">{province.code}</span>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Paper>
  );
}
