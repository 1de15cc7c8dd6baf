import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RoleAssignment } from "../../../contracts/access.ts";

/** "Regional officer · Casablanca-Settat", one line per role. */
export function RoleList({ roles }: { roles: RoleAssignment[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {roles.map((assignment) => (
        <Text key={`${assignment.role}:${assignment.scopeType}:${assignment.scopeRef ?? ""}`} size="sm">
          {t(`roles.${assignment.role}`)}
          <Text span c="dimmed" size="sm">
            {" · "}
            {assignment.scopeLabel ?? t(`scopeTypes.${assignment.scopeType}`)}
          </Text>
        </Text>
      ))}
    </Stack>
  );
}
