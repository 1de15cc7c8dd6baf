import { today } from "../../../contracts/calendar.ts";
import type { Locale } from "../../../contracts/common.ts";
import {
  ELIGIBILITY_FIELDS,
  type EligibilityResult,
  type ExplanationCondition,
  type ExplanationGroup,
  isEligibilityField,
  isGroup,
  type Operator,
  type Outcome,
  type RuleCondition,
  type RuleGroup,
  type RuleValue,
} from "../../../contracts/eligibility.ts";
import { t } from "../../platform/i18n.ts";

/**
 * Eligibility rules are data: this evaluates a rule (all/any groups of
 * {field, operator, value}) against a person's profile with three-valued
 * logic — a condition on information that is missing is "unknown", never a
 * silent pass or fail — and explains every condition in the reader's language.
 */
export interface Profile {
  ageYears: number | null;
  sex: string | null;
  regionCode: string | null;
  provinceCode: string | null;
  disability: boolean | null;
  householdScore: number | null;
  householdSize: number | null;
  /** Codes of programmes the person is currently enrolled in; null when not known. */
  enrolledPrograms: string[] | null;
}

export const EMPTY_PROFILE: Profile = {
  ageYears: null,
  sex: null,
  regionCode: null,
  provinceCode: null,
  disability: null,
  householdScore: null,
  householdSize: null,
  enrolledPrograms: null,
};

type Actual = ExplanationCondition["actual"];

function actualOf(field: string, p: Profile): Actual {
  switch (field) {
    case "age":
      return p.ageYears;
    case "sex":
      return p.sex;
    case "region":
      return p.regionCode;
    case "province":
      return p.provinceCode;
    case "disability":
      return p.disability;
    case "household_score":
      return p.householdScore;
    case "household_size":
      return p.householdSize;
    case "not_enrolled_in":
      return p.enrolledPrograms;
    default:
      return null;
  }
}

function test(op: Operator, actual: Exclude<Actual, null>, value: RuleValue | undefined): boolean {
  switch (op) {
    case "eq":
      return actual === value;
    case "neq":
      return actual !== value;
    case "in":
      return Array.isArray(value) && value.includes(actual as string | number);
    case "not_in":
      return Array.isArray(value) && !value.includes(actual as string | number);
    case "lt":
      return (actual as number) < (value as number);
    case "lte":
      return (actual as number) <= (value as number);
    case "gt":
      return (actual as number) > (value as number);
    case "gte":
      return (actual as number) >= (value as number);
    case "between": {
      const [min, max] = value as [number, number];
      return (actual as number) >= min && (actual as number) <= max;
    }
    case "is_true":
      return actual === true;
    case "is_false":
      return actual === false;
  }
}

function evaluateCondition(c: RuleCondition, p: Profile): ExplanationCondition {
  const actual = isEligibilityField(c.field) ? actualOf(c.field, p) : null;
  let outcome: Outcome;
  if (actual === null) outcome = "unknown";
  else if (c.field === "not_enrolled_in") {
    const codes = Array.isArray(c.value) ? c.value : [c.value];
    outcome = (actual as string[]).some((code) => codes.includes(code)) ? "failed" : "passed";
  } else outcome = test(c.operator as Operator, actual, c.value) ? "passed" : "failed";
  return {
    kind: "condition",
    field: c.field,
    operator: c.operator,
    value: c.value,
    outcome,
    actual,
    message: "",
  };
}

/** all: any failure fails, else any unknown is unknown; any: any pass passes, else any unknown is unknown. */
export function combine(combinator: "all" | "any", outcomes: Outcome[]): Outcome {
  if (combinator === "all") {
    if (outcomes.includes("failed")) return "failed";
    return outcomes.includes("unknown") ? "unknown" : "passed";
  }
  if (!outcomes.length || outcomes.includes("passed")) return "passed";
  return outcomes.includes("unknown") ? "unknown" : "failed";
}

export function evaluate(rule: RuleGroup, profile: Profile): ExplanationGroup {
  const children = rule.conditions.map((c) =>
    isGroup(c) ? evaluate(c, profile) : evaluateCondition(c, profile),
  );
  return {
    kind: "group",
    combinator: rule.combinator,
    outcome: combine(
      rule.combinator,
      children.map((c) => c.outcome),
    ),
    message: "",
    children,
  };
}

/* --------------------------------------------------------------- sentences */

/** Names the sentences need: territories and programmes by code, in the reader's language. */
export interface Names {
  regions: Map<string, string>;
  provinces: Map<string, string>;
  programs: Map<string, string>;
}

export const noNames = (): Names => ({ regions: new Map(), provinces: new Map(), programs: new Map() });

/** Codes a rule mentions, so the caller can look their names up once. */
export function codesIn(rule: RuleGroup | ExplanationGroup) {
  const out = { regions: new Set<string>(), provinces: new Set<string>(), programs: new Set<string>() };
  const add = (field: string, v: unknown) => {
    const values = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
    const set =
      field === "region"
        ? out.regions
        : field === "province"
          ? out.provinces
          : field === "not_enrolled_in"
            ? out.programs
            : undefined;
    for (const x of values) set?.add(x);
  };
  const walk = (g: RuleGroup | ExplanationGroup) => {
    const nodes = "children" in g ? g.children : g.conditions;
    for (const n of nodes as (RuleCondition | RuleGroup | ExplanationCondition | ExplanationGroup)[]) {
      if ("combinator" in n) walk(n as RuleGroup | ExplanationGroup);
      else {
        const c = n as RuleCondition | ExplanationCondition;
        add(c.field, c.value);
        if ("actual" in c) add(c.field, c.actual);
      }
    }
  };
  walk(rule);
  return { regions: [...out.regions], provinces: [...out.provinces], programs: [...out.programs] };
}

function formatScalar(locale: Locale, field: string, v: unknown, names: Names): string {
  if (typeof v === "boolean") return t(locale, v ? "programs.eligibility.yes" : "programs.eligibility.no");
  if (typeof v === "number") return new Intl.NumberFormat(locale === "ar" ? "ar-MA" : locale).format(v);
  const s = String(v);
  if (field === "sex") return t(locale, `programs.eligibility.sex.${s}`);
  if (field === "region") return names.regions.get(s) ?? s;
  if (field === "province") return names.provinces.get(s) ?? s;
  if (field === "not_enrolled_in") return names.programs.get(s) ?? s;
  return s;
}

function formatValue(locale: Locale, field: string, v: unknown, names: Names): string {
  const sep = locale === "ar" ? "، " : ", ";
  if (Array.isArray(v)) return v.map((x) => formatScalar(locale, field, x, names)).join(sep);
  return formatScalar(locale, field, v, names);
}

/** "Âge inférieur ou égal à 35": the condition itself, without the person's value. */
export function conditionSentence(locale: Locale, c: RuleCondition, names: Names): string {
  const field = t(locale, `programs.eligibility.fields.${c.field}`);
  if (c.field === "not_enrolled_in")
    return t(locale, "programs.eligibility.notEnrolledIn", {
      value: formatValue(locale, c.field, c.value, names),
    });
  if (c.operator === "between" && Array.isArray(c.value))
    return t(locale, "programs.eligibility.ops.between", {
      field,
      min: formatScalar(locale, c.field, c.value[0], names),
      max: formatScalar(locale, c.field, c.value[1], names),
    });
  return t(locale, `programs.eligibility.ops.${c.operator}`, {
    field,
    value: formatValue(locale, c.field, c.value, names),
  });
}

function render(locale: Locale, node: ExplanationGroup, names: Names): ExplanationGroup {
  return {
    ...node,
    message: t(locale, `programs.eligibility.group.${node.combinator}`),
    children: node.children.map((c) => {
      if (c.kind === "group") return render(locale, c, names);
      const condition = conditionSentence(locale, c as RuleCondition, names);
      const message =
        c.actual === null
          ? t(locale, "programs.eligibility.withMissing", { condition })
          : t(locale, "programs.eligibility.withActual", {
              condition,
              actual: formatValue(locale, c.field, c.actual, names),
            });
      return { ...c, message };
    }),
  };
}

/** The stored result, with every sentence written again in the reader's language. */
export function localize(locale: Locale, result: EligibilityResult, names: Names): EligibilityResult {
  return {
    ...result,
    summary: t(locale, `programs.eligibility.summary.${result.outcome}`),
    explanation: render(locale, result.explanation, names),
  };
}

export function evaluateResult(
  locale: Locale,
  rule: RuleGroup,
  profile: Profile,
  names: Names,
  at = new Date(),
): EligibilityResult {
  const explanation = evaluate(rule, profile);
  return localize(
    locale,
    { outcome: explanation.outcome, summary: "", explanation, evaluatedAt: at.toISOString() },
    names,
  );
}

/** "Who can apply", as plain sentences: one per top-level condition, nested groups in one line. */
export function whoCanApply(locale: Locale, rule: RuleGroup, names: Names): string[] {
  const line = (n: RuleCondition | RuleGroup): string =>
    isGroup(n)
      ? `${t(locale, `programs.eligibility.group.${n.combinator}`)} ${n.conditions.map(line).join(" ; ")}`
      : conditionSentence(locale, n, names);
  if (rule.combinator === "any" && rule.conditions.length > 1) return [line(rule)];
  return rule.conditions.map(line);
}

/** Age in whole years on a given YYYY-MM-DD day (today in Morocco by default), from an ISO birth date. */
export function ageOn(birthDate: string, day = today()): number {
  const [y, m, d] = birthDate.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = day.split("-").map(Number) as [number, number, number];
  return ty - y - (tm * 100 + td < m * 100 + d ? 1 : 0);
}

export const fieldDefinition = (field: string) =>
  isEligibilityField(field) ? ELIGIBILITY_FIELDS[field] : undefined;
