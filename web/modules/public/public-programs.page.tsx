import { Badge, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { PublicProgram } from "../../../contracts/public.ts";
import { QueryState } from "../../shared/query-state.tsx";
import { AnchorLink, ButtonLink } from "../../shared/router-links.tsx";
import { publicProgramsQueryOptions } from "./public.api.ts";

/** The programmes open to applications, in plain words, for anyone. */
export function PublicProgramsPage() {
  const { t, i18n } = useTranslation();
  const query = useQuery(publicProgramsQueryOptions(i18n.language));
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t("public.programs.title")}
        </Title>
        <Text c="dimmed">{t("public.programs.intro")}</Text>
        <AnchorLink to="/public/status" size="sm">
          {t("public.status.link")}
        </AnchorLink>
      </Stack>
      <QueryState query={query}>
        {(programs) =>
          programs.length === 0 ? (
            <Text>{t("public.programs.empty")}</Text>
          ) : (
            <Stack>
              {programs.map((p) => (
                <ProgramCard key={p.id} program={p} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

export function usePublicName() {
  const { i18n } = useTranslation();
  return (p: { nameFr: string; nameAr: string }) => (i18n.language === "ar" ? p.nameAr : p.nameFr);
}

function ProgramCard({ program: p }: { program: PublicProgram }) {
  const { t, i18n } = useTranslation();
  const name = usePublicName();
  const objective = i18n.language === "ar" ? p.objectiveAr || p.objectiveFr : p.objectiveFr;
  return (
    <Card withBorder padding="lg" data-testid="public-program">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h3">
            {name(p)}
          </Title>
          <Badge variant="light">{t(`programs.benefitTypes.${p.benefitType}`)}</Badge>
        </Group>
        {objective && <Text size="sm">{objective}</Text>}
        <Text size="sm" c="dimmed">
          {p.coverage.national
            ? t("public.programs.national")
            : t("public.programs.regions", { regions: p.coverage.regionNames.join(", ") })}
        </Text>
        {p.whoCanApply.length > 0 && (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t("public.programs.whoCanApply")}
            </Text>
            <List size="sm">
              {p.whoCanApply.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </Stack>
        )}
        <Group>
          <ButtonLink to="/public/programs/$id" params={{ id: p.id }}>
            {t("public.programs.checkAndApply")}
          </ButtonLink>
        </Group>
      </Stack>
    </Card>
  );
}
