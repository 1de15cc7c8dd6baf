import { z } from "zod";

/**
 * Configuration comes from the environment only, validated once at start so a
 * typo fails loudly with the variable's name instead of misbehaving later.
 */
const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().min(1).default("0.0.0.0"),
  JISR_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  JISR_ADMIN_EMAIL: z.email("must be an email address").default("admin@jisr.local"),
  JISR_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  JISR_DEMO: z.enum(["0", "1"], { message: "must be 0 or 1" }).default("1"),
  JISR_SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminEmail: string;
  adminPassword: string | undefined;
  demo: boolean;
  sessionSecret: string | undefined;
  logLevel: z.infer<typeof Env>["LOG_LEVEL"];
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = Env.safeParse(blankAsUnset);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.JISR_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    adminEmail: e.JISR_ADMIN_EMAIL,
    adminPassword: e.JISR_ADMIN_PASSWORD,
    demo: e.JISR_DEMO === "1",
    sessionSecret: e.JISR_SESSION_SECRET,
    logLevel: e.LOG_LEVEL,
  };
}
