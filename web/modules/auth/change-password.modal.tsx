import { Button, Group, Modal, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { useFormProblem } from "../../shared/form-problem.ts";
import { ProblemAlert } from "../../shared/problem-alert.tsx";
import { useChangePassword } from "./auth.api.ts";

interface ChangePasswordModalProps {
  opened: boolean;
  onClose: () => void;
}

export function ChangePasswordModal({ opened, onClose }: ChangePasswordModalProps) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { currentPassword: "", newPassword: "" } });
  const { problem, report, clear } = useFormProblem(form);
  const changePassword = useChangePassword();

  const close = () => {
    form.reset();
    clear();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    clear();
    changePassword.mutate(values, {
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("auth.password.changed") });
        close();
      },
      onError: report,
    });
  });

  return (
    <Modal opened={opened} onClose={close} title={t("auth.password.title")}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <PasswordInput
            label={t("auth.password.current")}
            autoComplete="current-password"
            withAsterisk
            {...form.getInputProps("currentPassword")}
          />
          <PasswordInput
            label={t("auth.password.new")}
            description={t("auth.password.rule")}
            autoComplete="new-password"
            withAsterisk
            {...form.getInputProps("newPassword")}
          />
          {problem && <ProblemAlert error={problem.error} unmatched={problem.unmatched} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={changePassword.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
