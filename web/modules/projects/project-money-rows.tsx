import { Button, Group, Modal } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../shared/confirm-button.tsx";

/**
 * The buttons of a budget line's or a tranche's row: change it in a dialog (the same form as
 * adding one, filled in), or delete it after a confirmation naming it. The server checks the
 * version of both, so a row changed by someone else meanwhile is not overwritten (409).
 */
export function RowActions({
  name,
  editTitle,
  deleting,
  onDelete,
  children,
}: {
  /** What the row is ("Travaux — Fondation X, 1 200 000 MAD"), for the dialogs and screen readers. */
  name: string;
  editTitle: string;
  deleting: boolean;
  onDelete: () => void;
  /** The edit form; it calls `close` once saved. */
  children: (close: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const [opened, dialog] = useDisclosure(false);
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={dialog.open}
        aria-label={`${t("common.edit")} : ${name}`}
      >
        {t("common.edit")}
      </Button>
      <ConfirmButton
        size="compact-xs"
        variant="subtle"
        color="red"
        loading={deleting}
        aria-label={`${t("socialProjects.delete")} : ${name}`}
        title={t("socialProjects.confirmDelete")}
        message={name}
        confirmLabel={t("socialProjects.delete")}
        onConfirm={onDelete}
      >
        {t("socialProjects.delete")}
      </ConfirmButton>
      <Modal opened={opened} onClose={dialog.close} title={editTitle} size="auto">
        {opened && children(dialog.close)}
      </Modal>
    </Group>
  );
}
