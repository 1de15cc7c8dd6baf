import { useTranslation } from "react-i18next";
import { LANGUAGE_NAMES } from "../../shared/languages.ts";
import { useRegionName } from "../territories/territories.api.ts";

type Labels = Record<string, string>;

/** Audit codes ("organization.create", "nameFr", "MA-06") in words; a code without a translation shows as is. */
export function useAuditLabels() {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const actions = t("audit.actions", { returnObjects: true }) as Record<string, Labels>;
  const entityTypes: Labels = t("audit.entityTypes", { returnObjects: true });
  const roles: Labels = t("roles", { returnObjects: true });
  const scopeTypes: Labels = t("scopeTypes", { returnObjects: true });
  const orgTypes: Labels = t("orgTypes", { returnObjects: true });
  const fieldsByEntity: Record<string, Labels> = {
    organization: t("organizations.fields", { returnObjects: true }),
    user: t("users.fields", { returnObjects: true }),
    api_token: t("tokens.fields", { returnObjects: true }),
  };

  /** "regional_officer@region:MA-06", as the server records a role, in words. */
  const role = (grant: string) => {
    const match = /^([a-z_]+)@([a-z_]+)(?::(.+))?$/.exec(grant);
    if (!match) return grant;
    const [, code = "", scope = "", ref] = match;
    const where = scope === "region" && ref ? regionName(ref) : ref;
    return [roles[code] ?? code, scopeTypes[scope] ?? scope, where].filter(Boolean).join(" · ");
  };

  return {
    action: (code: string) => {
      const [entity = "", verb = ""] = code.split(".");
      return actions[entity]?.[verb] ?? code;
    },
    entityType: (code: string) => entityTypes[code] ?? code,
    field: (entityType: string, field: string) => fieldsByEntity[entityType]?.[field] ?? field,
    /** A recorded value in words when it is a code people should not have to decode. */
    value: (field: string, value: unknown): string | undefined => {
      if (field === "type" && typeof value === "string") return orgTypes[value];
      if (field === "regionCode" && typeof value === "string") return regionName(value) ?? undefined;
      if (field === "locale" && typeof value === "string")
        return LANGUAGE_NAMES[value as keyof typeof LANGUAGE_NAMES];
      if (field === "roles" && Array.isArray(value))
        return value.map((grant) => role(String(grant))).join(" ; ");
      return undefined;
    },
    /** Every known action, for the filter. */
    actionOptions: Object.entries(actions).flatMap(([entity, verbs]) =>
      Object.entries(verbs).map(([verb, label]) => ({ value: `${entity}.${verb}`, label })),
    ),
    entityTypeOptions: Object.entries(entityTypes).map(([value, label]) => ({ value, label })),
  };
}
