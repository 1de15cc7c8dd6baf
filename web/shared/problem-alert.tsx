import { Alert, Button, Group, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FieldError } from "../../contracts/common.ts";
import { errorMessage, isVersionConflict } from "./problem.ts";

interface ProblemAlertProps {
  error: unknown;
  /** Field messages that no form field could show. */
  unmatched?: FieldError[];
  /** Offered on a version conflict: fetch the record again. */
  onReload?: () => void;
  /** Offered on a failed load: try the request again. */
  onRetry?: () => void;
}

export function ProblemAlert({ error, unmatched = [], onReload, onRetry }: ProblemAlertProps) {
  const { t } = useTranslation();
  const conflict = isVersionConflict(error);
  return (
    <Alert
      color={conflict ? "orange" : "red"}
      title={conflict ? t("common.conflictTitle") : undefined}
      role="alert"
    >
      <Text size="sm">{errorMessage(error, t)}</Text>
      {unmatched.length > 0 && (
        <List size="sm" mt="xs">
          {unmatched.map((fieldError) => (
            <List.Item key={`${fieldError.path}:${fieldError.code}`}>{fieldError.message}</List.Item>
          ))}
        </List>
      )}
      {((conflict && onReload) || onRetry) && (
        <Group mt="sm">
          {conflict && onReload && (
            <Button size="xs" variant="white" color="orange" onClick={onReload}>
              {t("common.reload")}
            </Button>
          )}
          {onRetry && (
            <Button size="xs" variant="white" color="red" onClick={onRetry}>
              {t("common.retry")}
            </Button>
          )}
        </Group>
      )}
    </Alert>
  );
}
