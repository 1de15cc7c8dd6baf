import { z } from "zod";
import { RegionCode } from "./common.ts";

export const Region = z.object({
  code: z.string(),
  nameFr: z.string(),
  nameAr: z.string(),
  nameEn: z.string(),
  population2024: z.number().int(),
  provinceCount: z.number().int(),
});
export type Region = z.infer<typeof Region>;

export const Province = z.object({
  code: z.string(),
  regionCode: z.string(),
  kind: z.enum(["province", "prefecture"]),
  nameFr: z.string(),
  nameAr: z.string(),
  nameEn: z.string(),
});
export type Province = z.infer<typeof Province>;

export const RegionList = z.object({ items: z.array(Region) });
export const ProvinceList = z.object({ items: z.array(Province) });
export const ProvinceQuery = z.object({ region: RegionCode.optional() });
