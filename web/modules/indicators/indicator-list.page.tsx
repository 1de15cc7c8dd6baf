import { Badge, Button, Modal, Table, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/page-header.tsx";
import { EmptyMessage, QueryState } from "../../shared/query-state.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { useCanNationally } from "../auth/auth.api.ts";
import { ExportMenu } from "../dashboards/export-menu.tsx";
import { IndicatorDefinitionForm } from "./indicator-definition-form.tsx";
import { indicatorListQueryOptions, indicatorsExportUrl } from "./indicators.api.ts";

export function IndicatorListPage() {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState("");
  const query = useQuery(indicatorListQueryOptions(q));
  // Definitions are national: only a national writer defines one.
  const canDefine = useCanNationally("indicators.write");
  const [opened, dialog] = useDisclosure(false);
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={t("indicators.title")}
        meta={t("indicators.subtitle")}
        actions={
          <>
            {canDefine && <Button onClick={dialog.open}>{t("indicators.new")}</Button>}
            <ExportMenu csv={indicatorsExportUrl("csv")} xlsx={indicatorsExportUrl("xlsx")} />
          </>
        }
      />
      <Modal opened={opened} onClose={dialog.close} title={t("indicators.new")} size="xl">
        <IndicatorDefinitionForm
          onCancel={dialog.close}
          onDone={(indicator) => {
            dialog.close();
            void navigate({ to: "/indicators/$id", params: { id: indicator.id } });
          }}
        />
      </Modal>
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
