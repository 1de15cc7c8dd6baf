import { Badge, Table, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/page-header.tsx";
import { EmptyMessage, QueryState } from "../../shared/query-state.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { ExportMenu } from "../dashboards/export-menu.tsx";
import { indicatorListQueryOptions, indicatorsExportUrl } from "./indicators.api.ts";

export function IndicatorListPage() {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState("");
  const query = useQuery(indicatorListQueryOptions(q));
  return (
    <>
      <PageHeader
        title={t("indicators.title")}
        meta={t("indicators.subtitle")}
        actions={<ExportMenu csv={indicatorsExportUrl("csv")} xlsx={indicatorsExportUrl("xlsx")} />}
      />
      <TextInput
        placeholder={t("indicators.search")}
        aria-label={t("indicators.search")}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        mb="md"
        maw={420}
      />
      <QueryState query={query}>
        {(items) =>
          items.length === 0 ? (
            <EmptyMessage title={t("indicators.empty")} />
          ) : (
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("indicators.fields.code")}</Table.Th>
                  <Table.Th>{t("indicators.fields.name")}</Table.Th>
                  <Table.Th>{t("indicators.fields.unit")}</Table.Th>
                  <Table.Th>{t("indicators.fields.kind")}</Table.Th>
                  <Table.Th>{t("indicators.fields.computation")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>{i.code}</Table.Td>
                    <Table.Td>
                      <AnchorLink to="/indicators/$id" params={{ id: i.id }}>
                        {i18n.language === "ar" ? i.nameAr : i.nameFr}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{t(`indicators.units.${i.unit}`)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={i.kind === "computed" ? "grape" : "blue"}>
                        {t(`indicators.kinds.${i.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{i.computation ? t(`indicators.computations.${i.computation}`) : "—"}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </>
  );
}
