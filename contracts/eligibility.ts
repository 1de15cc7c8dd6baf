import { z } from "zod";
import { SEXES } from "./beneficiaries.ts";
import { Id, ProvinceCode, RegionCode } from "./common.ts";

export { SEXES };

export const IsoDate = z.iso.date({ message: "validation.invalid_format" });

/** A programme's code: what a rule names when it tests enrolments. */
export const ProgramCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, { message: "validation.program_code" });

/* ------------------------------------------------------------- eligibility */

export const OPERATORS = [
  "eq",
  "neq",
  "in",
  "not_in",
  "lt",
  "lte",
  "gt",
  "gte",
  "between",
  "is_true",
  "is_false",
] as const;
export const Operator = z.enum(OPERATORS);
export type Operator = z.infer<typeof Operator>;

type FieldKind = "number" | "sex" | "region" | "province" | "boolean" | "programs";
const NUMERIC_OPS: readonly Operator[] = ["eq", "neq", "lt", "lte", "gt", "gte", "between"];
const CHOICE_OPS: readonly Operator[] = ["eq", "neq", "in", "not_in"];

/** The fixed catalogue of fields a rule may test, and the operators each allows. */
export const ELIGIBILITY_FIELDS = {
  age: { kind: "number", operators: NUMERIC_OPS, integer: true, min: 0, max: 130 },
  sex: { kind: "sex", operators: CHOICE_OPS },
  region: { kind: "region", operators: CHOICE_OPS },
  province: { kind: "province", operators: CHOICE_OPS },
  disability: { kind: "boolean", operators: ["is_true", "is_false"] },
  household_score: { kind: "number", operators: NUMERIC_OPS, integer: false, min: 0, max: 1_000_000 },
  household_size: { kind: "number", operators: NUMERIC_OPS, integer: true, min: 1, max: 100 },
  /** Passes when the person is enrolled in none of the listed programmes (codes). */
  not_enrolled_in: { kind: "programs", operators: ["in"] },
} as const satisfies Record<
  string,
  { kind: FieldKind; operators: readonly Operator[]; integer?: boolean; min?: number; max?: number }
>;
export type EligibilityField = keyof typeof ELIGIBILITY_FIELDS;
export const ELIGIBILITY_FIELD_NAMES = Object.keys(ELIGIBILITY_FIELDS) as EligibilityField[];
export const isEligibilityField = (f: string): f is EligibilityField => Object.hasOwn(ELIGIBILITY_FIELDS, f);

export const RuleValue = z.union([
  z.number(),
  z.string().max(40),
  z.boolean(),
  z.array(z.union([z.number(), z.string().max(40)])).max(100),
  z.null(),
]);
export type RuleValue = z.infer<typeof RuleValue>;

export const RuleCondition = z.strictObject({
  field: z.string().max(40),
  operator: z.string().max(20),
  value: RuleValue.optional(),
});
export type RuleCondition = z.infer<typeof RuleCondition>;

export interface RuleGroup {
  combinator: "all" | "any";
  conditions: (RuleCondition | RuleGroup)[];
}
export const RuleGroup: z.ZodType<RuleGroup> = z.strictObject({
  combinator: z.enum(["all", "any"]),
  get conditions() {
    return z.array(z.union([RuleCondition, RuleGroup])).max(50);
  },
});
export const EMPTY_RULE: RuleGroup = { combinator: "all", conditions: [] };
export const isGroup = (n: RuleCondition | RuleGroup): n is RuleGroup => "combinator" in n;

export interface RuleIssue {
  path: string;
  code: string;
  params?: Record<string, unknown>;
}

const MAX_DEPTH = 4;

/**
 * The structural checks a rule needs beyond its shape: known field, operator
 * allowed for the field, value of the right type. Returns field issues (the
 * server answers 400 with them; the web editor shows them beside the row).
 */
export function ruleIssues(rule: RuleGroup, base = "eligibility"): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const walk = (g: RuleGroup, path: string, depth: number) => {
    if (depth > MAX_DEPTH) {
      issues.push({ path, code: "programs.eligibility.too_deep", params: { max: MAX_DEPTH } });
      return;
    }
    g.conditions.forEach((c, i) => {
      const p = `${path}.conditions.${i}`;
      if (isGroup(c)) walk(c, p, depth + 1);
      else issues.push(...conditionIssues(c, p));
    });
  };
  walk(rule, base, 1);
  return issues;
}

function conditionIssues(c: RuleCondition, path: string): RuleIssue[] {
  if (!isEligibilityField(c.field))
    return [
      {
        path: `${path}.field`,
        code: "programs.eligibility.unknown_field",
        params: { field: c.field, fields: ELIGIBILITY_FIELD_NAMES.join(", ") },
      },
    ];
  const def = ELIGIBILITY_FIELDS[c.field];
  const ops = def.operators as readonly string[];
  if (!ops.includes(c.operator))
    return [
      {
        path: `${path}.operator`,
        code: "programs.eligibility.operator_not_allowed",
        params: { field: c.field, operator: c.operator, operators: ops.join(", ") },
      },
    ];
  const bad = (code = "programs.eligibility.invalid_value") => [{ path: `${path}.value`, code }];
  const v = c.value;
  const op = c.operator as Operator;
  if (op === "is_true" || op === "is_false") return v === undefined || v === null ? [] : bad();
  const scalarOk = (x: unknown): boolean => {
    switch (def.kind) {
      case "number": {
        const d = def as { integer: boolean; min: number; max: number };
        return (
          typeof x === "number" &&
          Number.isFinite(x) &&
          (!d.integer || Number.isInteger(x)) &&
          x >= d.min &&
          x <= d.max
        );
      }
      case "sex":
        return typeof x === "string" && (SEXES as readonly string[]).includes(x);
      case "region":
        return typeof x === "string" && RegionCode.safeParse(x).success;
      case "province":
        return typeof x === "string" && ProvinceCode.safeParse(x).success;
      case "programs":
        return typeof x === "string" && ProgramCode.safeParse(x).success;
      default:
        return false;
    }
  };
  if (op === "between") {
    if (!Array.isArray(v) || v.length !== 2 || !v.every(scalarOk)) return bad();
    return (v[0] as number) <= (v[1] as number) ? [] : bad("programs.eligibility.between_order");
  }
  if (op === "in" || op === "not_in")
    return Array.isArray(v) && v.length > 0 && v.every(scalarOk) ? [] : bad();
  return scalarOk(v) ? [] : bad();
}

/** Field codes a rule tests: the questions the public questionnaire asks. */
export function ruleFields(rule: RuleGroup): EligibilityField[] {
  const out = new Set<EligibilityField>();
  const walk = (g: RuleGroup) => {
    for (const c of g.conditions) {
      if (isGroup(c)) walk(c);
      else if (isEligibilityField(c.field)) out.add(c.field);
    }
  };
  walk(rule);
  return [...out];
}

export const OUTCOMES = ["passed", "failed", "unknown"] as const;
export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;

export interface ExplanationCondition {
  kind: "condition";
  field: string;
  operator: string;
  value?: RuleValue | undefined;
  outcome: Outcome;
  /** The value of the person (absent when unknown); a readable form of it is in `message`. */
  actual: string | number | boolean | string[] | null;
  message: string;
}
export interface ExplanationGroup {
  kind: "group";
  combinator: "all" | "any";
  outcome: Outcome;
  message: string;
  children: (ExplanationCondition | ExplanationGroup)[];
}
export const ExplanationCondition = z.object({
  kind: z.literal("condition"),
  field: z.string(),
  operator: z.string(),
  value: RuleValue.optional(),
  outcome: Outcome,
  actual: z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]),
  message: z.string(),
});
export const ExplanationGroup: z.ZodType<ExplanationGroup> = z.object({
  kind: z.literal("group"),
  combinator: z.enum(["all", "any"]),
  outcome: Outcome,
  message: z.string(),
  get children() {
    return z.array(z.union([ExplanationCondition, ExplanationGroup]));
  },
});

export const EligibilityResult = z.object({
  /** passed: eligible; failed: not eligible; unknown: some information is missing to decide. */
  outcome: Outcome,
  summary: z.string(),
  explanation: ExplanationGroup,
  evaluatedAt: z.string(),
});
export type EligibilityResult = z.infer<typeof EligibilityResult>;

/** A profile typed in (public questionnaire, or a worker's "what if"); every answer is optional. */
export const EligibilityProfileInput = z.strictObject({
  birthDate: IsoDate.nullable().optional(),
  ageYears: z.number().int().min(0).max(130).nullable().optional(),
  sex: z.enum(SEXES).nullable().optional(),
  regionCode: RegionCode.nullable().optional(),
  provinceCode: ProvinceCode.nullable().optional(),
  disability: z.boolean().nullable().optional(),
  householdScore: z.number().min(0).max(1_000_000).nullable().optional(),
  householdSize: z.number().int().min(1).max(100).nullable().optional(),
  /** Programme codes the person is already enrolled in. */
  enrolledPrograms: z.array(z.string().max(40)).max(50).nullable().optional(),
});
export type EligibilityProfileInput = z.infer<typeof EligibilityProfileInput>;

export const EligibilityCheckBody = z.strictObject({ profile: EligibilityProfileInput });
export const PersonEligibilityBody = z.strictObject({ personId: Id });
