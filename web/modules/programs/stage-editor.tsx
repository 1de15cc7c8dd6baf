import { ActionIcon, Button, Group, Paper, Select, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { STAGE_KINDS, type StageInput, type StageKind } from "../../../contracts/programs.ts";

interface StageEditorProps {
  value: StageInput[];
  onChange: (value: StageInput[]) => void;
  errorAt?: (path: string) => string | undefined;
  path?: string;
  /** Codes of stages that hold applications: they cannot be removed. */
  locked?: ReadonlySet<string>;
}

/** "Plan d'affaires" → "plan_affaires": a code proposed from the French name. */
export const slug = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\b(d|l)'/g, "")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .replace(/^([0-9])/, "s_$1")
    .slice(0, 40);

/** The programme's workflow: ordered stages, each with a code, French and Arabic names and a kind. */
export function StageEditor({ value, onChange, errorAt, path = "stages", locked }: StageEditorProps) {
  const { t } = useTranslation();
  const set = (i: number, changes: Partial<StageInput>) =>
    onChange(value.map((s, j) => (j === i ? { ...s, ...changes } : s)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...value];
    const [stage] = next.splice(i, 1);
    if (stage) next.splice(i + by, 0, stage);
    onChange(next);
  };
  const add = () =>
    onChange([
      ...value,
      { code: "", nameFr: "", nameAr: "", kind: (value.length ? "follow_up" : "intake") as StageKind },
    ]);

  return (
    <Stack gap="xs">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("programs.stages.empty")}
        </Text>
      )}
      {value.map((stage, i) => (
        <Paper
          withBorder
          p="xs"
          // biome-ignore lint/suspicious/noArrayIndexKey: a stage's identity is its place while editing
          key={i}
          data-testid="stage-row"
        >
          <Group align="flex-start" gap="xs" wrap="wrap">
            <Text fw={600} w={24} mt={6}>
              {i + 1}.
            </Text>
            <TextInput
              aria-label={t("programs.stages.nameFr")}
              placeholder={t("programs.stages.nameFr")}
              lang="fr"
              dir="ltr"
              w={200}
              value={stage.nameFr}
              onChange={(e) => {
                const nameFr = e.currentTarget.value;
                const auto = !stage.code || stage.code === slug(stage.nameFr);
                set(i, auto ? { nameFr, code: slug(nameFr) } : { nameFr });
              }}
              error={errorAt?.(`${path}.${i}.nameFr`)}
            />
            <TextInput
              aria-label={t("programs.stages.nameAr")}
              placeholder={t("programs.stages.nameAr")}
              lang="ar"
              dir="rtl"
              w={180}
              value={stage.nameAr}
              onChange={(e) => set(i, { nameAr: e.currentTarget.value })}
              error={errorAt?.(`${path}.${i}.nameAr`)}
            />
            <TextInput
              aria-label={t("programs.stages.code")}
              placeholder={t("programs.stages.code")}
              dir="ltr"
              w={150}
              value={stage.code}
              disabled={locked?.has(stage.code)}
              onChange={(e) => set(i, { code: e.currentTarget.value })}
              error={errorAt?.(`${path}.${i}.code`)}
            />
            <Select
              aria-label={t("programs.stages.kind")}
              w={170}
              allowDeselect={false}
              data={STAGE_KINDS.map((k) => ({ value: k, label: t(`programs.stageKinds.${k}`) }))}
              value={stage.kind}
              onChange={(k) => k && set(i, { kind: k as StageKind })}
              error={errorAt?.(`${path}.${i}.kind`)}
            />
            <Group gap={2} mt={4}>
              <ActionIcon
                variant="subtle"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={t("programs.stages.up")}
                title={t("programs.stages.up")}
              >
                ↑
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                disabled={i === value.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t("programs.stages.down")}
                title={t("programs.stages.down")}
              >
                ↓
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                disabled={locked?.has(stage.code)}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                aria-label={t("programs.stages.remove")}
                title={t("programs.stages.remove")}
              >
                ✕
              </ActionIcon>
            </Group>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button size="xs" variant="light" onClick={add}>
          {t("programs.stages.add")}
        </Button>
      </Group>
    </Stack>
  );
}
