import type { Locale } from "../../../contracts/common.ts";
import type { Convention } from "../../../contracts/conventions.ts";
import type { Queryable } from "../../platform/database.ts";
import { t } from "../../platform/i18n.ts";
import { formatDate, type PdfSummary, renderPdf } from "../../platform/pdf.ts";
import { territoryNames } from "../territories/index.ts";

/** The printable summary of one convention: parties and commitments, axes and targets, projects. */
export async function conventionPdf(db: Queryable, c: Convention, locale: Locale): Promise<Buffer> {
  const tr = (key: string, params?: Record<string, unknown>) => t(locale, `conventions.${key}`, params);
  const ar = locale === "ar";
  const regionCodes = [
    ...new Set([c.regionCode, ...c.projects.items.map((p) => p.regionCode)].filter(Boolean)),
  ];
  const names = await territoryNames(db, { regions: regionCodes as string[], provinces: [] }, locale);
  const region = (code: string | null) => (code ? (names.regions.get(code) ?? code) : tr("national"));
  const title = (x: { titleFr: string; titleAr: string | null }) => (ar && x.titleAr) || x.titleFr;
  const orgName = (x: { organizationName: string; organizationNameAr: string | null }) =>
    (ar && x.organizationNameAr) || x.organizationName;

  const summary: PdfSummary = {
    locale,
    title: title(c),
    subtitle: `${c.reference} · ${tr(`types.${c.type}`)} · ${tr(`statuses.${c.status}`)}`,
    footer: `Jisr · ${tr("pdf.generatedOn", { date: formatDate(new Date().toISOString(), locale) })}`,
    sections: [
      {
        kind: "fields",
        heading: tr("pdf.general"),
        fields: [
          { label: tr("fields.reference"), value: c.reference },
          { label: tr("fields.type"), value: tr(`types.${c.type}`) },
          { label: tr("fields.status"), value: tr(`statuses.${c.status}`) },
          ...(c.parentReference
            ? [{ label: tr("fields.parent"), value: `${c.parentReference} — ${c.parentTitle ?? ""}` }]
            : []),
          { label: tr("fields.signedOn"), value: { date: c.signedOn } },
          { label: tr("fields.signedPlace"), value: c.signedPlace },
          { label: tr("fields.startDate"), value: { date: c.startDate } },
          { label: tr("fields.endDate"), value: { date: c.endDate } },
          { label: tr("fields.region"), value: region(c.regionCode) },
          { label: tr("fields.committed"), value: { money: c.committedCentimes } },
          { label: tr("fields.summary"), value: c.summary },
        ],
      },
      {
        kind: "table",
        heading: tr("sections.parties"),
        empty: tr("empty.parties"),
        columns: [
          { header: tr("fields.organization"), weight: 3 },
          { header: tr("fields.role"), weight: 1.6 },
          { header: tr("fields.committed"), weight: 2 },
          { header: tr("fields.otherCommitments"), weight: 3 },
        ],
        rows: c.partyDetails.map((p) => [
          orgName(p),
          tr(`roles.${p.role}`),
          { money: p.committedCentimes },
          p.otherCommitments,
        ]),
      },
      {
        kind: "table",
        heading: tr("sections.axes"),
        empty: tr("empty.axes"),
        columns: [
          { header: "#", weight: 0.4 },
          { header: tr("fields.axis"), weight: 3 },
          { header: tr("fields.targets"), weight: 4 },
        ],
        rows: c.axes.map((a) => [
          a.position,
          title(a),
          a.targets
            .map((x) => {
              const label = (ar && x.labelAr) || x.labelFr;
              return x.targetValue === null
                ? label
                : `${label} : ${x.targetValue}${x.unit ? ` ${x.unit}` : ""}`;
            })
            .join(" · "),
        ]),
      },
      {
        kind: "fields",
        heading: tr("sections.projects"),
        fields: [
          { label: tr("fields.projectCount"), value: c.projects.count },
          { label: tr("fields.budget"), value: { money: c.projects.budgetCentimes } },
          { label: tr("fields.disbursed"), value: { money: c.projects.disbursedCentimes } },
        ],
      },
      {
        kind: "table",
        heading: tr("pdf.projectList"),
        empty: tr("empty.projects"),
        columns: [
          { header: tr("fields.code"), weight: 1.4 },
          { header: tr("fields.title"), weight: 3.2 },
          { header: tr("fields.region"), weight: 2 },
          { header: tr("fields.budget"), weight: 2 },
          { header: tr("fields.disbursed"), weight: 2 },
        ],
        rows: c.projects.items.map((p) => [
          p.code,
          title(p),
          region(p.regionCode),
          { money: p.budgetCentimes },
          { money: p.disbursedCentimes },
        ]),
      },
    ],
  };
  return renderPdf(summary);
}
