import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./app/global.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { startI18n } from "./app/i18n.ts";
import { App } from "./app/providers.tsx";

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

await startI18n();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
