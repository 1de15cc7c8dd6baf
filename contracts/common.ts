import { z } from "zod";

/** Shapes shared by every module's contract: ids, versions, pages and problems. */

export const LOCALES = ["fr", "ar", "en"] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

export const Id = z.uuid({ message: "validation.uuid" });
export const IdParams = z.strictObject({ id: Id });

/** The version a client read; an update naming an older one gets 409. */
export const Version = z.number().int().min(1);
export const VersionBody = z.strictObject({ version: Version });

export const RegionCode = z.string().regex(/^MA-(0[1-9]|1[0-2])$/, { message: "validation.region_code" });
export const ProvinceCode = z.string().regex(/^MA-[A-Z]{3}$/, { message: "validation.province_code" });

/** Optional free text: trimmed, empty string becomes null so forms can clear a field. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const requiredText = (max: number) =>
  z.string().trim().min(1, { message: "validation.required" }).max(max);

export const Email = z.email({ message: "validation.email" }).max(254);
export const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .-]{6,20}$/, { message: "validation.phone" });

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const FieldError = z.object({ path: z.string(), code: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, with a stable dotted `code` and per-field `errors`. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  errors: z.array(FieldError).optional(),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof Problem>;

export const Ok = z.object({ ok: z.literal(true) });
