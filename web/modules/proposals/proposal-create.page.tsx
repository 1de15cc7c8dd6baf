import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { PROPOSAL_THEMES, type ProposalTheme } from "../../../contracts/proposals.ts";
import { useFormProblem } from "../../shared/form-problem.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { useMe } from "../auth/auth.api.ts";
import { OrganizationSelect } from "../organizations/organization-select.tsx";
import { organizationQueryOptions } from "../organizations/organizations.api.ts";
import { ProvinceSelect, RegionSelect } from "../territories/territory-selects.tsx";
import { useSubmitProposal } from "./proposals.api.ts";

interface Values {
  organizationId: string | null;
  theme: string | null;
  regionCode: string | null;
  provinceCode: string | null;
  title: string;
  description: string;
  estimatedCostMad: number | string;
  targetGroup: string;
}

/** An organisation submits a proposal; officers acting for several organisations name it. */
export function ProposalCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const submit = useSubmitProposal();
  const me = useMe();
  // A role held on one organisation: the proposal is made for it, and starts in its territory.
  const ownOrganization = me?.roles.find((r) => r.scopeType === "organization")?.scopeRef ?? null;
  const own = useQuery({
    ...organizationQueryOptions(ownOrganization ?? ""),
    enabled: Boolean(ownOrganization),
  });
  const form = useForm<Values>({
    initialValues: {
      organizationId: null,
      theme: null,
      regionCode: null,
      provinceCode: null,
      title: "",
      description: "",
      estimatedCostMad: "",
      targetGroup: "",
    },
  });
  const { problem, report, clear } = useFormProblem(form);
  const values = form.getValues();

  useEffect(() => {
    if (own.data?.regionCode && !form.getValues().regionCode) {
      form.setFieldValue("regionCode", own.data.regionCode);
      form.setFieldValue("provinceCode", own.data.provinceCode);
    }
  }, [own.data, form]);

  const onSubmit = form.onSubmit(async (v) => {
    clear();
    try {
      const created = await submit.mutateAsync({
        organizationId: ownOrganization ? undefined : (v.organizationId ?? undefined),
        theme: v.theme as ProposalTheme,
        regionCode: v.regionCode as string,
        provinceCode: v.provinceCode,
        title: v.title,
        description: v.description,
        estimatedCostCentimes:
          v.estimatedCostMad === "" ? null : Math.round(Number(v.estimatedCostMad) * 100),
        targetGroup: v.targetGroup,
      });
      notifications.show({ color: "teal", message: t("proposals.submitted") });
      await navigate({ to: "/proposals/$id", params: { id: created.id } });
    } catch (error) {
      report(error);
    }
  });

  return (
    <>
      <PageHeader
        title={t("proposals.createTitle")}
        back={
          <AnchorLink to="/proposals" size="sm">
            {t("proposals.backToList")}
          </AnchorLink>
        }
      />
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Paper withBorder p="md">
            <Stack>
              {ownOrganization ? (
                <TextInput
                  label={t("proposals.fields.organization")}
                  value={own.data?.nameFr ?? ""}
                  readOnly
                />
              ) : (
                <OrganizationSelect
                  label={t("proposals.fields.organization")}
                  description={t("proposals.form.organizationHint")}
                  withAsterisk
                  {...form.getInputProps("organizationId")}
                />
              )}
              <TextInput label={t("proposals.fields.title")} withAsterisk {...form.getInputProps("title")} />
              <Select
                label={t("proposals.fields.theme")}
                withAsterisk
                data={PROPOSAL_THEMES.map((s) => ({ value: s, label: t(`proposals.themes.${s}`) }))}
                {...form.getInputProps("theme")}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <RegionSelect
                  label={t("proposals.fields.region")}
                  withAsterisk
                  {...form.getInputProps("regionCode")}
                  onChange={(regionCode) => {
                    form.setFieldValue("regionCode", regionCode);
                    form.setFieldValue("provinceCode", null);
                  }}
                />
                <ProvinceSelect
                  key={values.regionCode ?? "none"}
                  label={t("proposals.fields.province")}
                  placeholder={values.regionCode ? undefined : t("proposals.form.regionFirst")}
                  region={values.regionCode}
                  disabled={!values.regionCode}
                  {...form.getInputProps("provinceCode")}
                />
              </SimpleGrid>
              <Textarea
                label={t("proposals.fields.description")}
                withAsterisk
                autosize
                minRows={4}
                {...form.getInputProps("description")}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput
                  label={t("proposals.fields.estimatedCost")}
                  description={t("proposals.form.costHint")}
                  min={0}
                  decimalScale={2}
                  thousandSeparator=" "
                  dir="ltr"
                  {...form.getInputProps("estimatedCostMad")}
                />
                <TextInput label={t("proposals.fields.targetGroup")} {...form.getInputProps("targetGroup")} />
              </SimpleGrid>
            </Stack>
          </Paper>
          {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate({ to: "/proposals" })}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t("proposals.new")}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
