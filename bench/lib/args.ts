/** Command-line options shared by the generator and every benchmark. */
export type ScaleName = "small" | "agency" | "national";

export interface BenchArgs {
  scale: ScaleName;
  seed: number;
  /** Do not rewrite docs/benchmarks.md (CI). */
  write: boolean;
  /** Regenerate the dataset even if the database already holds it. */
  fresh: boolean;
  /** Benchmarks to run (empty: all). */
  only: string[];
}

export function parseArgs(argv = process.argv.slice(2)): BenchArgs {
  const args: BenchArgs = { scale: "small", seed: 20261202, write: true, fresh: false, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = () => {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a.startsWith("--scale")) {
      const v = value();
      if (v !== "small" && v !== "agency" && v !== "national")
        throw new Error(`--scale must be small, agency or national (got ${v})`);
      args.scale = v;
    } else if (a.startsWith("--seed")) {
      args.seed = Number.parseInt(value(), 10);
      if (!Number.isSafeInteger(args.seed)) throw new Error("--seed must be an integer");
    } else if (a === "--no-write") args.write = false;
    else if (a === "--fresh") args.fresh = true;
    else if (a.startsWith("--only")) args.only.push(...value().split(","));
    else throw new Error(`unknown option ${a}`);
  }
  return args;
}
