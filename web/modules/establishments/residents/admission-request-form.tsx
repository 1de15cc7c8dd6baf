import {
  Badge,
  Button,
  Group,
  Paper,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SEXES } from "../../../../contracts/beneficiaries.ts";
import { today } from "../../../../contracts/calendar.ts";
import {
  type AdmissionCandidate,
  REFERRAL_SOURCES,
  type ReferralSource,
} from "../../../../contracts/residents.ts";
import { useFormProblem } from "../../../shared/form-problem.ts";
import { useFormat } from "../../../shared/format.ts";
import { ProblemAlert } from "../../../shared/problem-alert.tsx";
import { arabicName, personName } from "../../beneficiaries/beneficiaries.api.ts";
import {
  admissionCandidatesQueryOptions,
  type CandidateCriteria,
  useRequestAdmission,
} from "./residents.api.ts";

type Mode = "search" | "new";

const emptyPerson = {
  firstNameLatin: "",
  lastNameLatin: "",
  firstNameAr: "",
  lastNameAr: "",
  sex: null as string | null,
  birthDate: "",
  cin: "",
};

/**
 * A new admission request: the person is found by exact CIN or name + birth date among the
 * persons of the establishment's province (no browsing of the registry), or registered here.
 */
export function AdmissionRequestForm({ establishmentId }: { establishmentId: string }) {
  const { t } = useTranslation();
  const request = useRequestAdmission(establishmentId);
  const [mode, setMode] = useState<Mode>("search");
  // A new key after each request clears the candidate search too.
  const [round, setRound] = useState(0);
  const form = useForm({
    initialValues: {
      personId: null as string | null,
      person: emptyPerson,
      referralSource: null as string | null,
      reason: "",
      requestedOn: today(),
    },
    validate: {
      personId: (v) => (mode === "search" && !v ? t("establishmentsFollowup.candidates.pickOne") : null),
      referralSource: (v) => (v ? null : t("validation.required")),
      reason: (v) => (v.trim() ? null : t("validation.required")),
    },
  });
  const { problem, report, clear } = useFormProblem(form);
  const submit = form.onSubmit((v) => {
    clear();
    const { sex, ...person } = v.person;
    request
      .mutateAsync({
        ...(mode === "search"
          ? { personId: v.personId as string }
          : { person: { ...person, sex: sex as "female" | "male" } }),
        referralSource: v.referralSource as ReferralSource,
        reason: v.reason,
        requestedOn: v.requestedOn,
      })
      .then(() => {
        notifications.show({ color: "teal", message: t("residents.saved") });
        form.reset();
        setRound((r) => r + 1);
      })
      .catch(report);
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4">
            {t("residents.newRequest")}
          </Title>
          <SegmentedControl
            value={mode}
            onChange={(m) => {
              setMode(m as Mode);
              form.setFieldValue("personId", null);
            }}
            data={[
              { value: "search", label: t("establishmentsFollowup.candidates.findMode") },
              { value: "new", label: t("establishmentsFollowup.candidates.newMode") },
            ]}
          />
          {mode === "search" ? (
            <CandidateSearch
              key={round}
              establishmentId={establishmentId}
              value={form.values.personId}
              onChange={(id) => form.setFieldValue("personId", id)}
              error={form.errors.personId}
            />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t("beneficiaries.fields.firstNameLatin")}
                withAsterisk
                {...form.getInputProps("person.firstNameLatin")}
              />
              <TextInput
                label={t("beneficiaries.fields.lastNameLatin")}
                withAsterisk
                {...form.getInputProps("person.lastNameLatin")}
              />
              <Select
                label={t("beneficiaries.fields.sex")}
                withAsterisk
                data={SEXES.map((s) => ({ value: s, label: t(`beneficiaries.sexes.${s}`) }))}
                {...form.getInputProps("person.sex")}
              />
              <TextInput
                label={t("beneficiaries.fields.firstNameAr")}
                dir="rtl"
                lang="ar"
                {...form.getInputProps("person.firstNameAr")}
              />
              <TextInput
                label={t("beneficiaries.fields.lastNameAr")}
                dir="rtl"
                lang="ar"
                {...form.getInputProps("person.lastNameAr")}
              />
              <TextInput
                type="date"
                dir="ltr"
                max={today()}
                label={t("beneficiaries.fields.birthDate")}
                withAsterisk
                {...form.getInputProps("person.birthDate")}
              />
              <TextInput
                label={t("beneficiaries.fields.cin")}
                dir="ltr"
                description={t("establishmentsFollowup.candidates.cinOptional")}
                {...form.getInputProps("person.cin")}
              />
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t("residents.referralSource")}
              withAsterisk
              data={REFERRAL_SOURCES.map((r) => ({ value: r, label: t(`residents.referralSources.${r}`) }))}
              {...form.getInputProps("referralSource")}
            />
            <TextInput
              type="date"
              dir="ltr"
              max={today()}
              label={t("residents.requestedOn")}
              {...form.getInputProps("requestedOn")}
            />
          </SimpleGrid>
          <Textarea label={t("residents.reason")} withAsterisk autosize {...form.getInputProps("reason")} />
          {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
          <Group justify="flex-end">
            <Button type="submit" loading={request.isPending}>
              {t("residents.newRequest")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Exact CIN, or name + birth date; the few matches to pick from, those already placed disabled. */
function CandidateSearch({
  establishmentId,
  value,
  onChange,
  error,
}: {
  establishmentId: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [cin, setCin] = useState("");
  const [name, setName] = useState("");
  const [birthDate, setBirthDate] = useState("");
  const [criteria, setCriteria] = useState<CandidateCriteria | null>(null);
  const results = useQuery(admissionCandidatesQueryOptions(establishmentId, criteria));
  const search = () => {
    onChange(null);
    setCriteria(cin.trim() ? { cin: cin.trim() } : { name: name.trim(), birthDate });
  };
  const label = (c: AdmissionCandidate) => (i18n.language === "ar" && arabicName(c)) || personName(c);
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t("establishmentsFollowup.candidates.hint")}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t("beneficiaries.fields.cin")}
          dir="ltr"
          w={160}
          value={cin}
          onChange={(e) => setCin(e.currentTarget.value)}
        />
        <Text size="sm" pb={8}>
          {t("establishmentsFollowup.candidates.or")}
        </Text>
        <TextInput
          label={t("establishmentsFollowup.candidates.name")}
          flex={1}
          miw={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          dir="ltr"
          label={t("beneficiaries.fields.birthDate")}
          value={birthDate}
          onChange={(e) => setBirthDate(e.currentTarget.value)}
        />
        <Button variant="light" onClick={search} loading={results.isFetching}>
          {t("establishmentsFollowup.candidates.search")}
        </Button>
      </Group>
      {results.isError && <ProblemAlert error={results.error} />}
      {results.data &&
        (results.data.length === 0 ? (
          <Text size="sm">{t("establishmentsFollowup.candidates.none")}</Text>
        ) : (
          <Radio.Group
            value={value}
            onChange={onChange}
            label={t("establishmentsFollowup.candidates.results")}
            error={error}
          >
            <Stack gap={6} mt={4}>
              {results.data.map((c) => (
                <Radio
                  key={c.id}
                  value={c.id}
                  disabled={c.openStay}
                  label={
                    <Group gap="xs">
                      <Text size="sm" fw={600}>
                        {label(c)}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {[t(`beneficiaries.sexes.${c.sex}`), format.date(c.birthDate), c.cinMasked, c.commune]
                          .filter(Boolean)
                          .join(" · ")}
                      </Text>
                      {c.openStay && (
                        <Badge size="sm" color="orange" variant="light">
                          {t("establishmentsFollowup.candidates.openStay")}
                        </Badge>
                      )}
                    </Group>
                  }
                />
              ))}
            </Stack>
          </Radio.Group>
        ))}
      {!results.data && error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}
