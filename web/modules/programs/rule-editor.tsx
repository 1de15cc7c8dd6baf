import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import {
  ELIGIBILITY_FIELD_NAMES,
  ELIGIBILITY_FIELDS,
  type EligibilityField,
  isEligibilityField,
  isGroup,
  type Operator,
  type RuleCondition,
  type RuleGroup,
  type RuleValue,
  SEXES,
} from "../../../contracts/eligibility.ts";
import {
  provincesQueryOptions,
  regionsQueryOptions,
  useTerritoryName,
} from "../territories/territories.api.ts";
import { activeProgramsQueryOptions } from "./programs.api.ts";

type Node = RuleCondition | RuleGroup;

interface RuleEditorProps {
  value: RuleGroup;
  onChange: (value: RuleGroup) => void;
  /** Server field errors by path ("eligibility.conditions.0.field"). */
  errorAt?: (path: string) => string | undefined;
  path?: string;
  depth?: number;
  onRemove?: () => void;
}

const LIST_OPS: readonly Operator[] = ["in", "not_in"];

/** A sensible value when the field or the operator changes, so the row stays valid. */
function defaultValue(field: EligibilityField, operator: Operator): RuleValue | undefined {
  const kind = ELIGIBILITY_FIELDS[field].kind;
  if (operator === "is_true" || operator === "is_false") return undefined;
  if (operator === "between") return field === "age" ? [18, 35] : [0, 10];
  if (kind === "programs") return [];
  if (LIST_OPS.includes(operator)) return [];
  if (kind === "number") return field === "age" ? 18 : field === "household_size" ? 2 : 9;
  if (kind === "sex") return "female";
  return null;
}

/**
 * The eligibility rule as rows a non-programmer edits: "all" or "any" of the rows below;
 * each row is a criterion, a comparison and a value; a group nests another all/any.
 */
export function RuleEditor({
  value,
  onChange,
  errorAt,
  path = "eligibility",
  depth = 1,
  onRemove,
}: RuleEditorProps) {
  const { t } = useTranslation();
  const set = (i: number, node: Node) =>
    onChange({ ...value, conditions: value.conditions.map((c, j) => (j === i ? node : c)) });
  const remove = (i: number) =>
    onChange({ ...value, conditions: value.conditions.filter((_, j) => j !== i) });
  const addCondition = () =>
    onChange({ ...value, conditions: [...value.conditions, { field: "age", operator: "gte", value: 18 }] });
  const addGroup = () =>
    onChange({
      ...value,
      conditions: [
        ...value.conditions,
        { combinator: "any", conditions: [{ field: "disability", operator: "is_true" }] },
      ],
    });

  return (
    <Paper withBorder p="sm" bg={depth > 1 ? "gray.0" : undefined} data-testid={`rule-group-${path}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Text size="sm">{t("programs.rules.match")}</Text>
            <SegmentedControl
              size="xs"
              value={value.combinator}
              onChange={(combinator) => onChange({ ...value, combinator: combinator as "all" | "any" })}
              data={[
                { value: "all", label: t("programs.rules.all") },
                { value: "any", label: t("programs.rules.any") },
              ]}
              aria-label={t("programs.rules.match")}
            />
          </Group>
          {onRemove && (
            <Button size="xs" variant="subtle" color="red" onClick={onRemove}>
              {t("programs.rules.removeGroup")}
            </Button>
          )}
        </Group>
        {value.conditions.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("programs.rules.empty")}
          </Text>
        )}
        {value.conditions.map((node, i) => {
          const p = `${path}.conditions.${i}`;
          return isGroup(node) ? (
            <RuleEditor
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              key={i}
              value={node}
              onChange={(g) => set(i, g)}
              errorAt={errorAt}
              path={p}
              depth={depth + 1}
              onRemove={() => remove(i)}
            />
          ) : (
            <ConditionRow
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
              key={i}
              value={node}
              onChange={(c) => set(i, c)}
              onRemove={() => remove(i)}
              errorAt={errorAt}
              path={p}
            />
          );
        })}
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={addCondition}>
            {t("programs.rules.addCondition")}
          </Button>
          {depth < 4 && (
            <Button size="xs" variant="default" onClick={addGroup}>
              {t("programs.rules.addGroup")}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function ConditionRow({
  value,
  onChange,
  onRemove,
  errorAt,
  path,
}: {
  value: RuleCondition;
  onChange: (value: RuleCondition) => void;
  onRemove: () => void;
  errorAt?: (path: string) => string | undefined;
  path: string;
}) {
  const { t } = useTranslation();
  const field = isEligibilityField(value.field) ? value.field : null;
  const operators = field ? (ELIGIBILITY_FIELDS[field].operators as readonly Operator[]) : [];

  const changeField = (f: string | null) => {
    if (!f || !isEligibilityField(f)) return;
    const operator = ELIGIBILITY_FIELDS[f].operators[0] as Operator;
    onChange({ field: f, operator, value: defaultValue(f, operator) });
  };
  const changeOperator = (op: string | null) => {
    if (!op || !field) return;
    const operator = op as Operator;
    const wasList = Array.isArray(value.value);
    const isList = operator === "between" || LIST_OPS.includes(operator);
    const keep = wasList === isList && operator !== "between" && value.operator !== "between";
    onChange({ ...value, operator, value: keep ? value.value : defaultValue(field, operator) });
  };

  return (
    <Group align="flex-start" gap="xs" wrap="wrap" data-testid="rule-condition">
      <Select
        aria-label={t("programs.rules.field")}
        w={230}
        data={ELIGIBILITY_FIELD_NAMES.map((f) => ({
          value: f,
          label: t(`programs.eligibility.fields.${f}`),
        }))}
        value={field}
        onChange={changeField}
        error={errorAt?.(`${path}.field`)}
        allowDeselect={false}
      />
      <Select
        aria-label={t("programs.rules.operator")}
        w={190}
        data={operators.map((op) => ({ value: op, label: t(`programs.eligibility.opLabels.${op}`) }))}
        value={value.operator}
        onChange={changeOperator}
        error={errorAt?.(`${path}.operator`)}
        allowDeselect={false}
      />
      {field && (
        <ValueInput
          field={field}
          operator={value.operator as Operator}
          value={value.value}
          onChange={(v) => onChange({ ...value, value: v })}
          error={errorAt?.(`${path}.value`)}
        />
      )}
      <ActionIcon
        variant="subtle"
        color="red"
        mt={4}
        onClick={onRemove}
        aria-label={t("programs.rules.removeCondition")}
        title={t("programs.rules.removeCondition")}
      >
        ✕
      </ActionIcon>
    </Group>
  );
}

function ValueInput({
  field,
  operator,
  value,
  onChange,
  error,
}: {
  field: EligibilityField;
  operator: Operator;
  value: RuleValue | undefined;
  onChange: (value: RuleValue | undefined) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const kind = ELIGIBILITY_FIELDS[field].kind;
  const regions = useQuery({ ...regionsQueryOptions, enabled: kind === "region" });
  const provinces = useQuery({ ...provincesQueryOptions(null), enabled: kind === "province" });
  const programs = useQuery({ ...activeProgramsQueryOptions, enabled: kind === "programs" });
  const name = useTerritoryName();
  if (operator === "is_true" || operator === "is_false") return null;

  if (kind === "number") {
    const step = field === "household_score" ? 0.1 : 1;
    if (operator === "between") {
      const [min, max] = Array.isArray(value) ? (value as number[]) : [0, 0];
      return (
        <Group gap={4} wrap="nowrap">
          <NumberInput
            aria-label={t("programs.rules.min")}
            w={100}
            step={step}
            value={min}
            onChange={(v) => onChange([Number(v) || 0, max ?? 0])}
            error={error}
          />
          <Text size="sm">{t("programs.rules.and")}</Text>
          <NumberInput
            aria-label={t("programs.rules.max")}
            w={100}
            step={step}
            value={max}
            onChange={(v) => onChange([min ?? 0, Number(v) || 0])}
          />
        </Group>
      );
    }
    return (
      <NumberInput
        aria-label={t("programs.rules.value")}
        w={120}
        step={step}
        decimalScale={field === "household_score" ? 7 : 0}
        value={typeof value === "number" ? value : ""}
        onChange={(v) => onChange(v === "" ? null : Number(v))}
        error={error}
      />
    );
  }

  const options =
    kind === "sex"
      ? SEXES.map((s) => ({ value: s, label: t(`programs.eligibility.sex.${s}`) }))
      : kind === "region"
        ? (regions.data ?? []).map((r) => ({ value: r.code, label: name(r) }))
        : kind === "province"
          ? (provinces.data ?? []).map((p) => ({ value: p.code, label: name(p) }))
          : (programs.data ?? []).map((p) => ({ value: p.code, label: `${p.code} — ${p.nameFr}` }));

  if (LIST_OPS.includes(operator) || kind === "programs") {
    const selected = Array.isArray(value) ? value.map(String) : [];
    const data = [
      ...options,
      ...selected.filter((v) => !options.some((o) => o.value === v)).map((v) => ({ value: v, label: v })),
    ];
    return (
      <MultiSelect
        aria-label={t("programs.rules.value")}
        miw={260}
        maw={420}
        searchable
        data={data}
        value={selected}
        onChange={(v) => onChange(v)}
        error={error}
      />
    );
  }
  return (
    <Select
      aria-label={t("programs.rules.value")}
      w={260}
      searchable
      data={options}
      value={typeof value === "string" ? value : null}
      onChange={(v) => onChange(v)}
      error={error}
    />
  );
}
