import { describe, expect, it } from "vitest";
import { type RuleGroup, ruleIssues } from "../../../contracts/eligibility.ts";
import { workflowIssues } from "../../../contracts/programs.ts";
import {
  ageOn,
  combine,
  EMPTY_PROFILE,
  evaluate,
  evaluateResult,
  noNames,
  type Profile,
  whoCanApply,
} from "./programs.eligibility.ts";

const person: Profile = {
  ageYears: 24,
  sex: "female",
  regionCode: "MA-06",
  provinceCode: "MA-CAS",
  disability: false,
  householdScore: 9.3,
  householdSize: 5,
  enrolledPrograms: ["AIDE-VEUVES"],
};

const one = (field: string, operator: string, value?: unknown) =>
  evaluate({ combinator: "all", conditions: [{ field, operator, value: value as never }] }, person).outcome;

describe("eligibility operators", () => {
  it("eq and neq", () => {
    expect(one("sex", "eq", "female")).toBe("passed");
    expect(one("sex", "eq", "male")).toBe("failed");
    expect(one("age", "eq", 24)).toBe("passed");
    expect(one("sex", "neq", "male")).toBe("passed");
    expect(one("region", "neq", "MA-06")).toBe("failed");
  });
  it("in and not_in", () => {
    expect(one("region", "in", ["MA-06", "MA-07"])).toBe("passed");
    expect(one("province", "in", ["MA-RAB"])).toBe("failed");
    expect(one("province", "not_in", ["MA-RAB"])).toBe("passed");
    expect(one("region", "not_in", ["MA-06"])).toBe("failed");
  });
  it("lt, lte, gt, gte", () => {
    expect(one("age", "lt", 24)).toBe("failed");
    expect(one("age", "lte", 24)).toBe("passed");
    expect(one("age", "gt", 24)).toBe("failed");
    expect(one("age", "gte", 24)).toBe("passed");
    expect(one("household_score", "lt", 9.3264284)).toBe("passed");
    expect(one("household_size", "gt", 4)).toBe("passed");
  });
  it("between is inclusive", () => {
    expect(one("age", "between", [18, 24])).toBe("passed");
    expect(one("age", "between", [25, 45])).toBe("failed");
  });
  it("is_true and is_false", () => {
    expect(one("disability", "is_true")).toBe("failed");
    expect(one("disability", "is_false")).toBe("passed");
  });
  it("not_enrolled_in fails when enrolled in a listed programme", () => {
    expect(one("not_enrolled_in", "in", ["AIDE-VEUVES", "OTHER"])).toBe("failed");
    expect(one("not_enrolled_in", "in", ["OTHER"])).toBe("passed");
  });
  it("missing information is unknown, never a silent pass or fail", () => {
    const r = evaluate(
      { combinator: "all", conditions: [{ field: "household_score", operator: "lt", value: 9 }] },
      EMPTY_PROFILE,
    );
    expect(r.outcome).toBe("unknown");
    expect(r.children[0]).toMatchObject({ outcome: "unknown", actual: null });
  });
});

describe("combining conditions", () => {
  it("all / any with three values", () => {
    expect(combine("all", ["passed", "passed"])).toBe("passed");
    expect(combine("all", ["passed", "unknown"])).toBe("unknown");
    expect(combine("all", ["unknown", "failed"])).toBe("failed");
    expect(combine("any", ["failed", "passed"])).toBe("passed");
    expect(combine("any", ["failed", "unknown"])).toBe("unknown");
    expect(combine("any", ["failed", "failed"])).toBe("failed");
    expect(combine("all", [])).toBe("passed");
  });

  it("nested groups: young woman OR person with disability, and a low score", () => {
    const rule: RuleGroup = {
      combinator: "all",
      conditions: [
        { field: "household_score", operator: "lte", value: 9.5 },
        {
          combinator: "any",
          conditions: [
            {
              combinator: "all",
              conditions: [
                { field: "sex", operator: "eq", value: "female" },
                { field: "age", operator: "between", value: [18, 35] },
              ],
            },
            { field: "disability", operator: "is_true" },
          ],
        },
      ],
    };
    const r = evaluate(rule, person);
    expect(r.outcome).toBe("passed");
    const inner = r.children[1];
    expect(inner).toMatchObject({ kind: "group", combinator: "any", outcome: "passed" });
    expect(evaluate(rule, { ...person, sex: "male" }).outcome).toBe("failed");
    expect(evaluate(rule, { ...person, sex: "male", disability: true }).outcome).toBe("passed");
    expect(evaluate(rule, { ...person, householdScore: 12 }).outcome).toBe("failed");
  });
});

describe("explanations", () => {
  const rule: RuleGroup = {
    combinator: "all",
    conditions: [
      { field: "age", operator: "between", value: [18, 35] },
      { field: "region", operator: "eq", value: "MA-06" },
      { field: "household_score", operator: "lt", value: 9 },
    ],
  };
  const names = { ...noNames(), regions: new Map([["MA-06", "Casablanca-Settat"]]) };

  it("say per condition what was tested and the person's value, in each language", () => {
    const fr = evaluateResult("fr", rule, person, names);
    expect(fr.outcome).toBe("failed");
    expect(fr.summary).toContain("Non éligible");
    expect(fr.explanation.children.map((c) => [c.outcome, c.message])).toEqual([
      ["passed", "Âge entre 18 et 35 (valeur : 24)"],
      ["passed", "Région de résidence : Casablanca-Settat (valeur : Casablanca-Settat)"],
      ["failed", "Score socio-économique du ménage (RSU) inférieur à 9 (valeur : 9,3)"],
    ]);
    const en = evaluateResult("en", rule, { ...person, householdScore: null }, names);
    expect(en.outcome).toBe("unknown");
    expect(en.explanation.children[2]?.message).toBe(
      "Household socio-economic score (RSU) below 9 (information missing)",
    );
    const ar = evaluateResult("ar", rule, person, names);
    expect(ar.explanation.children[0]?.message).toContain("السن بين");
    expect(ar.summary).toContain("غير مؤهل");
  });

  it("who can apply reads as plain sentences", () => {
    expect(whoCanApply("fr", rule, names)).toEqual([
      "Âge entre 18 et 35",
      "Région de résidence : Casablanca-Settat",
      "Score socio-économique du ménage (RSU) inférieur à 9",
    ]);
  });
});

describe("rule validation", () => {
  const issues = (conditions: unknown[]) =>
    ruleIssues({ combinator: "all", conditions: conditions as RuleGroup["conditions"] });

  it("accepts every operator allowed for its field", () => {
    expect(
      issues([
        { field: "age", operator: "gte", value: 18 },
        { field: "sex", operator: "in", value: ["female"] },
        { field: "region", operator: "not_in", value: ["MA-01"] },
        { field: "province", operator: "eq", value: "MA-CAS" },
        { field: "disability", operator: "is_true" },
        { field: "household_score", operator: "between", value: [0, 9.5] },
        { field: "household_size", operator: "neq", value: 1 },
        { field: "not_enrolled_in", operator: "in", value: ["AIDE-VEUVES"] },
      ]),
    ).toEqual([]);
  });

  it("rejects an unknown field, an operator not allowed for the field and a bad value, with their paths", () => {
    expect(
      issues([
        { field: "income", operator: "lt", value: 3 },
        { field: "sex", operator: "lt", value: "female" },
        { field: "age", operator: "between", value: [40, 18] },
        { field: "age", operator: "gt", value: "old" },
        { combinator: "any", conditions: [{ field: "disability", operator: "eq", value: true }] },
        { field: "region", operator: "in", value: [] },
      ]).map((i) => [i.path, i.code]),
    ).toEqual([
      ["eligibility.conditions.0.field", "programs.eligibility.unknown_field"],
      ["eligibility.conditions.1.operator", "programs.eligibility.operator_not_allowed"],
      ["eligibility.conditions.2.value", "programs.eligibility.between_order"],
      ["eligibility.conditions.3.value", "programs.eligibility.invalid_value"],
      ["eligibility.conditions.4.conditions.0.operator", "programs.eligibility.operator_not_allowed"],
      ["eligibility.conditions.5.value", "programs.eligibility.invalid_value"],
    ]);
  });

  it("checks the workflow's shape", () => {
    expect(
      workflowIssues([
        { code: "a", nameFr: "A", nameAr: "أ", kind: "review" },
        { code: "a", nameFr: "B", nameAr: "ب", kind: "closed" },
        { code: "c", nameFr: "C", nameAr: "ج", kind: "enrolled" },
      ]).map((i) => i.code),
    ).toEqual([
      "programs.stage.first_must_be_intake",
      "programs.stage.duplicate_code",
      "programs.stage.closed_must_be_last",
    ]);
  });

  it("computes age on a day", () => {
    expect(ageOn("2000-06-15", "2026-06-14")).toBe(25);
    expect(ageOn("2000-06-15", "2026-06-15")).toBe(26);
  });
});
