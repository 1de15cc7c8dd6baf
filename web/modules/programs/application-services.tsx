import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { type Application, SERVICE_TYPES } from "../../../contracts/applications.ts";
import { today } from "../../../contracts/calendar.ts";
import { useFormProblem } from "../../shared/form-problem.ts";
import { useFormat } from "../../shared/format.ts";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { useCan } from "../auth/auth.api.ts";
import { OrganizationSelect } from "../organizations/organization-select.tsx";
import { useMoney } from "./program-labels.tsx";
import { useAddService } from "./programs.api.ts";

interface ServiceValues {
  deliveredOn: string;
  type: string | null;
  quantity: number | string;
  unit: string;
  amountMad: number | string;
  providerId: string | null;
  notes: string;
}

/** Services and benefits delivered: the log, and a form to add one while enrolled. */
export function Services({ application: a }: { application: Application }) {
  const { t } = useTranslation();
  const canWrite = useCan("applications.write");
  const money = useMoney();
  const format = useFormat();
  const add = useAddService(a.id);
  const form = useForm<ServiceValues>({
    initialValues: {
      deliveredOn: today(),
      type: null,
      quantity: "",
      unit: "",
      amountMad: "",
      providerId: null,
      notes: "",
    },
    validate: { type: (v) => (v ? null : t("validation.required")) },
  });
  const { problem, report, clear } = useFormProblem(form);
  const submit = form.onSubmit(async (v) => {
    clear();
    await add
      .mutateAsync({
        deliveredOn: v.deliveredOn,
        type: v.type as (typeof SERVICE_TYPES)[number],
        quantity: v.quantity === "" ? null : Number(v.quantity),
        unit: v.unit.trim() || null,
        amountCentimes: v.amountMad === "" ? null : Math.round(Number(v.amountMad) * 100),
        providerId: v.providerId,
        notes: v.notes.trim() || null,
      })
      .then(() => {
        notifications.show({ color: "teal", message: t("programs.services.added") });
        form.reset();
      })
      .catch((e) => {
        const errors = (e as { errors?: { path: string; message: string }[] }).errors;
        const amount = errors?.find((x) => x.path === "amountCentimes");
        if (amount) form.setFieldError("amountMad", amount.message);
        report(e);
      });
  });
  const open = a.status === "enrolled" || a.status === "completed";

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t("programs.services.title")}
      </Title>
      {a.services.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("programs.services.empty")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped aria-label={t("programs.services.title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("programs.services.deliveredOn")}</Table.Th>
                <Table.Th>{t("programs.services.type")}</Table.Th>
                <Table.Th>{t("programs.services.quantity")}</Table.Th>
                <Table.Th>{t("programs.services.amount")}</Table.Th>
                <Table.Th>{t("programs.services.provider")}</Table.Th>
                <Table.Th>{t("programs.services.notes")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.services.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{format.date(s.deliveredOn)}</Table.Td>
                  <Table.Td>{t(`programs.serviceTypes.${s.type}`)}</Table.Td>
                  <Table.Td>
                    {s.quantity !== null ? `${format.number(s.quantity)} ${s.unit ?? ""}` : ""}
                  </Table.Td>
                  <Table.Td>{money(s.amountCentimes)}</Table.Td>
                  <Table.Td>{s.providerName}</Table.Td>
                  <Table.Td>{s.notes}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canWrite && open && (
        <form onSubmit={submit} noValidate>
          <Stack mt="md">
            <Title order={3} size="h5">
              {t("programs.services.add")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                type="date"
                dir="ltr"
                label={t("programs.services.deliveredOn")}
                withAsterisk
                {...form.getInputProps("deliveredOn")}
              />
              <Select
                label={t("programs.services.type")}
                withAsterisk
                data={SERVICE_TYPES.map((s) => ({ value: s, label: t(`programs.serviceTypes.${s}`) }))}
                {...form.getInputProps("type")}
              />
              <OrganizationSelect
                label={t("programs.services.provider")}
                {...form.getInputProps("providerId")}
              />
              <NumberInput
                label={t("programs.services.quantity")}
                min={0}
                {...form.getInputProps("quantity")}
              />
              <TextInput label={t("programs.services.unit")} {...form.getInputProps("unit")} />
              <NumberInput
                label={t("programs.services.amount")}
                suffix=" MAD"
                min={0}
                decimalScale={2}
                {...form.getInputProps("amountMad")}
              />
            </SimpleGrid>
            <Textarea label={t("programs.services.notes")} autosize {...form.getInputProps("notes")} />
            {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
            <Group justify="flex-end">
              <Button type="submit" loading={add.isPending}>
                {t("programs.services.add")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
