import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { EligibilityProfileInput } from "../../../contracts/eligibility.ts";
import type { PublicProgram } from "../../../contracts/public.ts";
import { useFormProblem } from "../../shared/form-problem.ts";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { QueryState } from "../../shared/query-state.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { EligibilityExplanation } from "../programs/eligibility-explanation.tsx";
import {
  placeName,
  publicPlacesQueryOptions,
  publicProgramQueryOptions,
  usePublicApply,
  usePublicCheck,
} from "./public.api.ts";
import { usePublicName } from "./public-programs.page.tsx";

const route = getRouteApi("/public/programs/$id");

/** One programme for a citizen: who can apply, a short eligibility check, and the online application. */
export function PublicProgramPage() {
  const { t, i18n } = useTranslation();
  const { id } = route.useParams();
  const query = useQuery(publicProgramQueryOptions(id, i18n.language));
  const name = usePublicName();
  return (
    <Stack>
      <AnchorLink to="/public/programs" size="sm">
        {t("public.programs.back")}
      </AnchorLink>
      <QueryState query={query}>
        {(p) => (
          <Stack>
            <Title order={1} size="h2">
              {name(p)}
            </Title>
            <Text>{i18n.language === "ar" ? p.objectiveAr || p.objectiveFr : p.objectiveFr}</Text>
            {p.whoCanApply.length > 0 && (
              <Paper withBorder p="md">
                <Text fw={600} mb={4}>
                  {t("public.programs.whoCanApply")}
                </Text>
                <List size="sm">
                  {p.whoCanApply.map((line) => (
                    <List.Item key={line}>{line}</List.Item>
                  ))}
                </List>
              </Paper>
            )}
            <Questionnaire program={p} />
            <ApplyForm program={p} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function usePlaces() {
  const { i18n } = useTranslation();
  const places = useQuery(publicPlacesQueryOptions);
  return (places.data?.provinces ?? [])
    .map((p) => ({ value: p.code, label: placeName(i18n.language, p) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
}

interface Answers {
  birthDate: string;
  sex: string | null;
  provinceCode: string | null;
  disability: string | null;
  householdSize: number | string;
  householdScore: number | string;
}

/** Only the questions the programme's rules need; nothing is stored. */
function Questionnaire({ program }: { program: PublicProgram }) {
  const { t } = useTranslation();
  const check = usePublicCheck(program.id);
  const provinces = usePlaces();
  const form = useForm<Answers>({
    initialValues: {
      birthDate: "",
      sex: null,
      provinceCode: null,
      disability: null,
      householdSize: "",
      householdScore: "",
    },
  });
  const asks = (q: string) => program.questions.includes(q as never);
  const yesNo = [
    { value: "yes", label: t("common.yes") },
    { value: "no", label: t("common.no") },
  ];
  const submit = form.onSubmit((v) => {
    const answers: EligibilityProfileInput = {
      birthDate: v.birthDate || null,
      sex: (v.sex as "female" | "male" | null) ?? null,
      provinceCode: v.provinceCode,
      disability: v.disability === null ? null : v.disability === "yes",
      householdSize: v.householdSize === "" ? null : Number(v.householdSize),
      householdScore: v.householdScore === "" ? null : Number(v.householdScore),
    };
    check.mutate(answers);
  });
  if (program.questions.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4">
            {t("public.check.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("public.check.intro")}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {asks("age") && (
              <TextInput
                type="date"
                dir="ltr"
                label={t("public.check.birthDate")}
                {...form.getInputProps("birthDate")}
              />
            )}
            {asks("sex") && (
              <Select
                label={t("public.check.sex")}
                data={[
                  { value: "female", label: t("public.check.female") },
                  { value: "male", label: t("public.check.male") },
                ]}
                {...form.getInputProps("sex")}
              />
            )}
            {(asks("region") || asks("province")) && (
              <Select
                label={t("public.check.province")}
                searchable
                data={provinces}
                {...form.getInputProps("provinceCode")}
              />
            )}
            {asks("disability") && (
              <Select
                label={t("public.check.disability")}
                data={yesNo}
                {...form.getInputProps("disability")}
              />
            )}
            {asks("household_size") && (
              <NumberInput
                label={t("public.check.householdSize")}
                min={1}
                {...form.getInputProps("householdSize")}
              />
            )}
            {asks("household_score") && (
              <NumberInput
                label={t("public.check.householdScore")}
                description={t("public.check.householdScoreHint")}
                min={0}
                decimalScale={7}
                {...form.getInputProps("householdScore")}
              />
            )}
          </SimpleGrid>
          <Group>
            <Button type="submit" variant="light" loading={check.isPending}>
              {t("public.check.submit")}
            </Button>
          </Group>
          {check.data && <EligibilityExplanation {...check.data} />}
          {check.error && <ProblemAlert error={check.error} />}
        </Stack>
      </form>
    </Paper>
  );
}

interface ApplyValues {
  firstNameLatin: string;
  lastNameLatin: string;
  firstNameAr: string;
  lastNameAr: string;
  cin: string;
  sex: string | null;
  birthDate: string;
  phone: string;
  provinceCode: string | null;
  commune: string;
  address: string;
  consent: boolean;
}

function ApplyForm({ program }: { program: PublicProgram }) {
  const { t } = useTranslation();
  const apply = usePublicApply();
  const provinces = usePlaces();
  const form = useForm<ApplyValues>({
    initialValues: {
      firstNameLatin: "",
      lastNameLatin: "",
      firstNameAr: "",
      lastNameAr: "",
      cin: "",
      sex: null,
      birthDate: "",
      phone: "",
      provinceCode: null,
      commune: "",
      address: "",
      consent: false,
    },
  });
  const { problem, report, clear } = useFormProblem(form);
  const submit = form.onSubmit(async (v) => {
    clear();
    await apply
      .mutateAsync({
        programId: program.id,
        firstNameLatin: v.firstNameLatin,
        lastNameLatin: v.lastNameLatin,
        firstNameAr: v.firstNameAr || null,
        lastNameAr: v.lastNameAr || null,
        cin: v.cin,
        sex: v.sex as "female" | "male",
        birthDate: v.birthDate,
        phone: v.phone,
        provinceCode: v.provinceCode ?? "",
        commune: v.commune || null,
        address: v.address || null,
        consent: v.consent as true,
      })
      .catch(report);
  });

  if (apply.data)
    return (
      <Alert color="teal" title={t("public.apply.done")} role="status" data-testid="tracking">
        <Stack gap="sm">
          <Text size="sm">{t("public.apply.keepCode")}</Text>
          <Group gap="xs" dir="ltr">
            <Code fz="xl" fw={700} data-testid="tracking-code">
              {apply.data.trackingCode}
            </Code>
            <CopyButton value={apply.data.trackingCode}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? t("common.copied") : t("common.copy")}
                </Button>
              )}
            </CopyButton>
          </Group>
          <AnchorLink to="/public/status" search={{ code: apply.data.trackingCode }}>
            {t("public.status.link")}
          </AnchorLink>
        </Stack>
      </Alert>
    );

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4">
            {t("public.apply.title")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("public.apply.firstNameLatin")}
              withAsterisk
              dir="ltr"
              {...form.getInputProps("firstNameLatin")}
            />
            <TextInput
              label={t("public.apply.lastNameLatin")}
              withAsterisk
              dir="ltr"
              {...form.getInputProps("lastNameLatin")}
            />
            <TextInput
              label={t("public.apply.firstNameAr")}
              dir="rtl"
              lang="ar"
              {...form.getInputProps("firstNameAr")}
            />
            <TextInput
              label={t("public.apply.lastNameAr")}
              dir="rtl"
              lang="ar"
              {...form.getInputProps("lastNameAr")}
            />
            <TextInput label={t("public.apply.cin")} withAsterisk dir="ltr" {...form.getInputProps("cin")} />
            <Select
              label={t("public.check.sex")}
              withAsterisk
              data={[
                { value: "female", label: t("public.check.female") },
                { value: "male", label: t("public.check.male") },
              ]}
              {...form.getInputProps("sex")}
            />
            <TextInput
              type="date"
              dir="ltr"
              label={t("public.check.birthDate")}
              withAsterisk
              {...form.getInputProps("birthDate")}
            />
            <TextInput
              type="tel"
              dir="ltr"
              label={t("public.apply.phone")}
              withAsterisk
              {...form.getInputProps("phone")}
            />
            <Select
              label={t("public.check.province")}
              withAsterisk
              searchable
              data={provinces}
              {...form.getInputProps("provinceCode")}
            />
            <TextInput label={t("public.apply.commune")} {...form.getInputProps("commune")} />
          </SimpleGrid>
          <TextInput label={t("public.apply.address")} {...form.getInputProps("address")} />
          <Checkbox
            label={t("public.apply.consent")}
            {...form.getInputProps("consent", { type: "checkbox" })}
          />
          {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
          <Group justify="flex-end">
            <Button type="submit" loading={apply.isPending}>
              {t("public.apply.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
