import type { Locale } from "../../../contracts/common.ts";
import type { Project } from "../../../contracts/projects.ts";
import type { Queryable } from "../../platform/database.ts";
import { t } from "../../platform/i18n.ts";
import type { PdfSummary } from "../../platform/pdf.ts";
import { territoryNames } from "../territories/index.ts";

/** One project as a printable summary: identity, territory, progress, money per funder, schedule. */
export async function projectPdf(
  db: Queryable,
  p: Project,
  locale: Locale,
  today: string,
): Promise<PdfSummary> {
  const k = (key: string, params?: Record<string, unknown>) => t(locale, `socialProjects.${key}`, params);
  const f = (key: string) => k(`fields.${key}`);
  const names = await territoryNames(
    db,
    { regions: [p.regionCode], provinces: p.provinceCode ? [p.provinceCode] : [] },
    locale,
  );
  const title = (locale === "ar" && p.titleAr) || p.titleFr;
  return {
    locale,
    title,
    subtitle: `${k("pdfDoc.heading")} · ${p.code}`,
    footer: k("pdfDoc.generatedOn", { date: today }),
    sections: [
      {
        kind: "fields",
        heading: k("pdfDoc.general"),
        fields: [
          {
            label: f("convention"),
            value: p.conventionReference
              ? `${p.conventionReference} — ${p.conventionTitle}`
              : k("standalone"),
          },
          { label: f("axis"), value: p.axisTitle },
          { label: f("region"), value: names.regions.get(p.regionCode) ?? p.regionCode },
          {
            label: f("province"),
            value: p.provinceCode ? (names.provinces.get(p.provinceCode)?.name ?? p.provinceCode) : null,
          },
          { label: f("sector"), value: k(`sectors.${p.sector}`) },
          { label: f("status"), value: k(`statuses.${p.status}`) },
          { label: f("targetGroup"), value: p.targetGroup },
          { label: f("startDate"), value: { date: p.startDate } },
          { label: f("endDate"), value: { date: p.endDate } },
          { label: f("responsibleOrg"), value: p.responsibleOrgName },
          {
            label: f("establishments"),
            value: p.establishments.map((e) => (locale === "ar" && e.nameAr) || e.nameFr).join(", "),
          },
          {
            label: f("programs"),
            value: p.programs.map((x) => (locale === "ar" && x.nameAr) || x.nameFr).join(", "),
          },
        ],
      },
      {
        kind: "fields",
        heading: k("pdfDoc.progress"),
        fields: [
          { label: f("budget"), value: { money: p.budgetCentimes } },
          { label: f("disbursed"), value: { money: p.disbursedCentimes } },
          { label: f("financialProgress"), value: { percent: p.financialProgress } },
          { label: f("physicalProgress"), value: { percent: p.physicalProgress } },
          {
            label: k("milestones"),
            value: k("progressOf", { reached: p.milestonesReached, total: p.milestones.length }),
          },
          { label: f("lateMilestones"), value: p.lateMilestones },
        ],
      },
      {
        kind: "table",
        heading: k("money"),
        columns: [
          { header: f("funder"), weight: 2 },
          { header: f("committed"), align: "end" },
          { header: f("disbursed"), align: "end" },
          { header: f("remaining"), align: "end" },
        ],
        rows: p.funders.map((x) => [
          (locale === "ar" && x.funderNameAr) || x.funderName,
          { money: x.committedCentimes },
          { money: x.disbursedCentimes },
          { money: x.remainingCentimes },
        ]),
        empty: k("noFunders"),
      },
      {
        kind: "table",
        heading: k("milestones"),
        columns: [
          { header: f("milestone"), weight: 2 },
          { header: f("plannedDate") },
          { header: f("actualDate") },
          { header: f("state") },
        ],
        rows: p.milestones.map((m) => [
          (locale === "ar" && m.titleAr) || m.titleFr,
          { date: m.plannedDate },
          { date: m.actualDate },
          m.late ? k("late") : "",
        ]),
        empty: k("none"),
      },
      {
        kind: "table",
        heading: k("tranches"),
        columns: [
          { header: f("funder"), weight: 2 },
          { header: f("milestone"), weight: 2 },
          { header: f("amount"), align: "end" },
          { header: f("paid"), align: "end" },
          { header: f("state") },
        ],
        rows: p.tranches.map((x) => [
          x.funderName,
          x.milestoneTitle,
          { money: x.amountCentimes },
          { money: x.paidCentimes },
          k(`trancheStates.${x.state}`),
        ]),
        empty: k("none"),
      },
      {
        kind: "table",
        heading: k("disbursements"),
        columns: [
          { header: f("paidOn") },
          { header: f("funder"), weight: 2 },
          { header: f("reference") },
          { header: f("amount"), align: "end" },
        ],
        rows: p.disbursements.map((d) => [
          { date: d.paidOn },
          d.funderName,
          d.reference,
          { money: d.amountCentimes },
        ]),
        empty: k("none"),
      },
    ],
  };
}
