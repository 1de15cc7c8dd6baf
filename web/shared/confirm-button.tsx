import { Button, type ButtonProps, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface ConfirmButtonProps extends Omit<ButtonProps, "children" | "onClick"> {
  children: ReactNode;
  /** Title and explanation of the confirmation dialog. */
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
}

/** A button that asks before doing something that matters (archive, disable, revoke). */
export function ConfirmButton({
  children,
  title,
  message,
  confirmLabel,
  onConfirm,
  color,
  ...props
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [opened, dialog] = useDisclosure(false);
  return (
    <>
      <Button color={color} {...props} onClick={dialog.open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={title}>
        <Stack>
          <Text size="sm">{message}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={dialog.close}>
              {t("common.cancel")}
            </Button>
            <Button
              color={color}
              onClick={() => {
                dialog.close();
                onConfirm();
              }}
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
