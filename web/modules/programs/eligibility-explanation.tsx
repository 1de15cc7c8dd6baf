import { Alert, List, Stack, Text, ThemeIcon } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ExplanationCondition, ExplanationGroup, Outcome } from "../../../contracts/eligibility.ts";

const COLORS: Record<Outcome, string> = { passed: "teal", failed: "red", unknown: "yellow" };
const MARKS: Record<Outcome, string> = { passed: "✓", failed: "✕", unknown: "?" };

function Mark({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  return (
    <ThemeIcon size={20} radius="xl" color={COLORS[outcome]} aria-label={t(`programs.outcomes.${outcome}`)}>
      <Text size="xs" fw={700} aria-hidden>
        {MARKS[outcome]}
      </Text>
    </ThemeIcon>
  );
}

/** Which condition passed, failed or could not be decided, in the words the server wrote. */
export function EligibilityExplanation({
  outcome,
  summary,
  explanation,
}: {
  outcome: Outcome;
  summary: string;
  explanation: ExplanationGroup;
}) {
  const render = (g: ExplanationGroup) => (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {g.message}
      </Text>
      <List spacing={4} size="sm" center>
        {g.children.map((c: ExplanationCondition | ExplanationGroup, i) => (
          <List.Item
            // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity but their place
            key={i}
            icon={<Mark outcome={c.outcome} />}
            data-outcome={c.outcome}
          >
            {c.kind === "group" ? render(c) : c.message}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
  return (
    <Stack gap="sm" data-testid="eligibility">
      <Alert color={COLORS[outcome]} variant="light" title={summary} />
      {explanation.children.length > 0 && render(explanation)}
    </Stack>
  );
}
