import { z } from "zod";

export const Health = z.object({
  status: z.literal("ok"),
  database: z.enum(["embedded", "external"]),
  version: z.string(),
});
