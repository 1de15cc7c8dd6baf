import type { TimelineEvent } from "../../../contracts/beneficiaries.ts";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, systemContext } from "../../platform/context.ts";
import type { Queryable } from "../../platform/database.ts";
import { t } from "../../platform/i18n.ts";
import type { TimelineSource } from "../beneficiaries/index.ts";
import * as applicationsRepo from "./programs.applications.repository.ts";

/**
 * What the programmes module gives the registry of beneficiaries: the merge
 * step (applications follow the record kept) and the person's timeline
 * (applications, stage changes, enrolments, services).
 */
export async function moveApplications(
  tx: Queryable,
  fromId: string,
  intoId: string,
  ctx: RequestContext = systemContext("merge"),
) {
  const moved = await applicationsRepo.reassignApplications(tx, fromId, intoId);
  for (const a of moved) {
    if (a.withdrawn)
      await applicationsRepo.insertEvent(tx, {
        applicationId: a.id,
        kind: "withdrawn",
        reason: "merge",
        actorId: ctx.actor?.userId ?? null,
        actorLabel: "merge",
      });
    await recordAudit(tx, ctx, {
      action: "application.move",
      entityType: "application",
      entityId: a.id,
      before: { personId: fromId },
      after: { personId: intoId, ...(a.withdrawn ? { status: "withdrawn" } : {}) },
    });
  }
}

/** Timeline kinds: application_filed, application_advanced, application_rejected, application_withdrawn, application_completed, enrolment, service. */
export const programsTimeline: TimelineSource = {
  name: "programs",
  async events({ db, personId, locale }) {
    const { apps, events, services } = await applicationsRepo.timelineOf(db, personId);
    const byId = new Map(apps.map((a) => [a.id, a]));
    const label = (id: string) => {
      const a = byId.get(id);
      return a ? (locale === "ar" ? a.programNameAr : a.programNameFr) : null;
    };
    const out: TimelineEvent[] = [];
    for (const e of events) {
      const app = byId.get(e.applicationId);
      out.push({
        at: e.occurredAt,
        source: "programs",
        kind: `application_${e.kind}`,
        entityType: "application",
        entityId: e.applicationId,
        label: label(e.applicationId),
        status: e.toStage ?? app?.status ?? null,
      });
    }
    for (const a of apps)
      if (a.enrolledOn)
        out.push({
          at: `${a.enrolledOn}T00:00:00.000Z`,
          source: "programs",
          kind: "enrolment",
          entityType: "application",
          entityId: a.id,
          label: label(a.id),
          status: a.status,
        });
    for (const s of services)
      out.push({
        at: `${s.deliveredOn}T00:00:00.000Z`,
        source: "programs",
        kind: "service",
        entityType: "application",
        entityId: s.applicationId,
        label: `${label(s.applicationId) ?? ""} — ${t(locale, `programs.serviceTypes.${s.type}`)}`,
        status: null,
      });
    return out;
  },
};
