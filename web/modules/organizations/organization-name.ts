import { useTranslation } from "react-i18next";
import type { Organization } from "../../../contracts/organizations.ts";

/** The organisation's name in the UI language: the Arabic name in Arabic when there is one. */
export function useOrganizationName() {
  const { i18n } = useTranslation();
  return (organization: Pick<Organization, "nameFr" | "nameAr" | "acronym">) => {
    const name = i18n.language === "ar" && organization.nameAr ? organization.nameAr : organization.nameFr;
    return organization.acronym ? `${name} (${organization.acronym})` : name;
  };
}
