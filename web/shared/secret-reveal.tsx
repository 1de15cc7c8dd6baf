import { Alert, Button, Code, CopyButton, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface SecretRevealProps {
  title: string;
  /** Why it is shown only once and what to do with it. */
  warning: string;
  secret: string;
  onDone?: () => void;
}

/** A secret the server shows only once (temporary password, API token), with a copy button. */
export function SecretReveal({ title, warning, secret, onDone }: SecretRevealProps) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={title} role="status">
      <Stack gap="sm">
        <Text size="sm">{warning}</Text>
        <Group gap="xs" wrap="nowrap" dir="ltr">
          <Code block style={{ flex: 1, wordBreak: "break-all", userSelect: "all" }} data-testid="secret">
            {secret}
          </Code>
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button size="xs" color={copied ? "teal" : "dark"} onClick={copy}>
                {copied ? t("common.copied") : t("common.copy")}
              </Button>
            )}
          </CopyButton>
        </Group>
        {onDone && (
          <div>
            <Button size="xs" variant="default" onClick={onDone}>
              {t("common.done")}
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  );
}
