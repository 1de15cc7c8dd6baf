import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function UserStatus({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={disabled ? "gray" : "teal"} variant="light">
      {t(disabled ? "users.status.disabled" : "users.status.active")}
    </Badge>
  );
}
