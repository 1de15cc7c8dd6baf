import { Badge, Button, Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Convention } from "../../../contracts/conventions.ts";
import { ConfirmButton } from "../../shared/confirm-button.tsx";
import { FieldList } from "../../shared/field-list.tsx";
import { useFormat } from "../../shared/format.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { AnchorLink, ButtonLink } from "../../shared/router-links.tsx";
import { useCan } from "../auth/auth.api.ts";
import { useMad } from "../projects/project-money.ts";
import { useRegionName } from "../territories/territories.api.ts";
import { ConventionStatusBadge, useConventionTitle } from "./convention-labels.tsx";
import {
  AxesSection,
  DocumentsSection,
  PartiesSection,
  ProjectsSection,
  Section,
} from "./convention-sections.tsx";
import {
  conventionPdfUrl,
  conventionQueryOptions,
  conventionWrites,
  useConventionMutation,
} from "./conventions.api.ts";

const route = getRouteApi("/_app/conventions/$id");

/** Whole months between two calendar dates, for the duration a convention states. */
const months = (start: string, end: string) => {
  const [ys, ms] = start.split("-").map(Number);
  const [ye, me] = end.split("-").map(Number);
  return ((ye ?? 0) - (ys ?? 0)) * 12 + ((me ?? 0) - (ms ?? 0));
};

export function ConventionDetailPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const query = useQuery(conventionQueryOptions(id));
  const canWrite = useCan("conventions.write");
  const title = useConventionTitle();
  const archive = useConventionMutation(conventionWrites.archive);
  const restore = useConventionMutation(conventionWrites.restore);
  const c = query.data;
  const writable = canWrite && !c?.archivedAt;
  return (
    <>
      <PageHeader
        title={c ? title(c) : t("conventions.ui.title")}
        meta={
          c && (
            <Group gap={6}>
              <Text c="dimmed" size="sm" dir="ltr">
                {c.reference}
              </Text>
              <Badge variant="outline">{t(`conventions.types.${c.type}`)}</Badge>
              <ConventionStatusBadge status={c.status} />
              {c.archivedAt && <Badge color="gray">{t("conventions.ui.archived")}</Badge>}
            </Group>
          )
        }
        back={
          <AnchorLink to="/conventions" size="sm">
            {t("conventions.ui.back")}
          </AnchorLink>
        }
        actions={
          c && (
            <Group gap="xs">
              <Button component="a" href={conventionPdfUrl(c.id)} download variant="default">
                {t("conventions.ui.pdf")}
              </Button>
              {writable && (
                <ButtonLink to="/conventions/$id/edit" params={{ id: c.id }} variant="light">
                  {t("conventions.ui.edit")}
                </ButtonLink>
              )}
              {canWrite &&
                (c.archivedAt ? (
                  <Button variant="subtle" onClick={() => restore.mutate([c.id, c.version])}>
                    {t("conventions.ui.restore")}
                  </Button>
                ) : (
                  <ConfirmButton
                    variant="subtle"
                    color="red"
                    title={t("conventions.ui.archive")}
                    message={t("conventions.ui.confirmArchive")}
                    confirmLabel={t("conventions.ui.archive")}
                    onConfirm={() => archive.mutate([c.id, c.version])}
                  >
                    {t("conventions.ui.archive")}
                  </ConfirmButton>
                ))}
            </Group>
          )
        }
      />
      <QueryState query={query}>
        {(convention) => (
          <Stack>
            <GeneralSection c={convention} />
            <PartiesSection c={convention} canWrite={writable} />
            <AxesSection c={convention} canWrite={writable} />
            <ProjectsSection c={convention} />
            <DocumentsSection c={convention} canWrite={writable} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}

function GeneralSection({ c }: { c: Convention }) {
  const { t } = useTranslation();
  const f = useFormat();
  const mad = useMad();
  const regionName = useRegionName();
  const title = useConventionTitle();
  const date = (d: string | null) => (d ? f.date(d) : null);
  return (
    <Section title={t("conventions.sections.general")}>
      <FieldList
        fields={[
          {
            label: t("conventions.fields.parent"),
            value: c.parentId && (
              <AnchorLink to="/conventions/$id" params={{ id: c.parentId }}>
                {c.parentReference} — {c.parentTitle}
              </AnchorLink>
            ),
          },
          {
            label: t("conventions.fields.region"),
            value: c.regionCode ? regionName(c.regionCode) : t("conventions.national"),
          },
          { label: t("conventions.fields.signedOn"), value: date(c.signedOn) },
          { label: t("conventions.fields.signedPlace"), value: c.signedPlace },
          { label: t("conventions.fields.startDate"), value: date(c.startDate) },
          { label: t("conventions.fields.endDate"), value: date(c.endDate) },
          {
            label: t("conventions.fields.duration"),
            value:
              c.startDate && c.endDate
                ? t("conventions.months", { count: months(c.startDate, c.endDate) })
                : null,
          },
          { label: t("conventions.ui.totalCommitted"), value: mad(c.committedCentimes) },
          { label: t("conventions.fields.summary"), value: c.summary, wide: true },
          {
            label: t("conventions.sections.children"),
            wide: true,
            value:
              c.children.length > 0 &&
              c.children.map((child) => (
                <AnchorLink key={child.id} to="/conventions/$id" params={{ id: child.id }} display="block">
                  {child.reference} — {title(child)}
                </AnchorLink>
              )),
          },
        ]}
      />
    </Section>
  );
}
