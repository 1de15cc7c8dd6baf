import type fr from "../../../locales/fr.json";
import { useFormat } from "../../shared/format.ts";

/** Centimes shown as dirhams with the UI's number format: "1 234 567 MAD". */
export function useMad() {
  const f = useFormat();
  return (centimes: number) => `${f.number(Math.round(centimes / 100))} MAD`;
}

/** Dirhams typed in a form ("1 500,50" or "1500.5") as integer centimes; NaN when not a number. */
export const toCentimes = (mad: string | number) =>
  Math.round(Number(String(mad).replace(/\s/g, "").replace(",", ".")) * 100);

/** Keys of the projects' field labels, so `t(\`socialProjects.fields.${key}\`)` stays typed. */
export type ProjectFieldKey = keyof (typeof fr)["socialProjects"]["fields"];
