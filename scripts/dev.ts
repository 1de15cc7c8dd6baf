import { spawn } from "node:child_process";

/**
 * `npm run dev`: the API with reload on server changes, and Vite's dev server
 * (hot reload of the web app) proxying /api to it. Open http://localhost:5173.
 */
const apiPort = process.env.PORT ?? "8080";
const children = [
  spawn(
    process.execPath,
    [
      "--watch-path=server",
      "--watch-path=contracts",
      "--watch-path=locales",
      "--import",
      "tsx",
      "server/main.ts",
    ],
    {
      stdio: "inherit",
      env: { ...process.env, PORT: apiPort },
    },
  ),
  spawn("npx", ["vite", "--config", "web/vite.config.ts"], {
    stdio: "inherit",
    env: { ...process.env, JISR_API_PORT: apiPort },
  }),
];
const stop = () => {
  for (const c of children) c.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const c of children) c.on("exit", (code) => code && code !== 0 && stop());
