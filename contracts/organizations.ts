import { z } from "zod";
import {
  Email,
  Id,
  optionalText,
  PageQuery,
  Phone,
  ProvinceCode,
  page,
  RegionCode,
  requiredText,
  Version,
} from "./common.ts";

export const ORGANIZATION_TYPES = [
  "ministry",
  "agency",
  "partner",
  "local_authority",
  "association",
  "cooperative",
  "financial_institution",
  "university",
  "other",
] as const;
export const OrganizationType = z.enum(ORGANIZATION_TYPES);
export type OrganizationType = z.infer<typeof OrganizationType>;

export const Organization = z.object({
  id: Id,
  type: OrganizationType,
  nameFr: z.string(),
  nameAr: z.string().nullable(),
  acronym: z.string().nullable(),
  regionCode: z.string().nullable(),
  provinceCode: z.string().nullable(),
  parentId: Id.nullable(),
  parentName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  website: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: Version,
});
export type Organization = z.infer<typeof Organization>;

const fields = {
  type: OrganizationType,
  nameFr: requiredText(200),
  nameAr: optionalText(200),
  acronym: optionalText(30),
  regionCode: RegionCode.nullable().optional(),
  provinceCode: ProvinceCode.nullable().optional(),
  parentId: Id.nullable().optional(),
  email: Email.nullable()
    .optional()
    .or(z.literal("").transform(() => null)),
  phone: Phone.nullable()
    .optional()
    .or(z.literal("").transform(() => null)),
  address: optionalText(500),
  website: z
    .url({ message: "validation.url" })
    .max(300)
    .nullable()
    .optional()
    .or(z.literal("").transform(() => null)),
};

export const CreateOrganizationBody = z.strictObject(fields);
export type CreateOrganizationBody = z.infer<typeof CreateOrganizationBody>;

export const UpdateOrganizationBody = z
  .strictObject({ version: Version, ...fields })
  .partial()
  .required({ version: true });
export type UpdateOrganizationBody = z.infer<typeof UpdateOrganizationBody>;

export const OrganizationListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  type: OrganizationType.optional(),
  region: RegionCode.optional(),
  includeArchived: z.enum(["true", "false"]).optional(),
});
export type OrganizationListQuery = z.infer<typeof OrganizationListQuery>;

export const OrganizationList = page(Organization);
