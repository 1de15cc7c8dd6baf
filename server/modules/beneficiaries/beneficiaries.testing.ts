import { expect } from "vitest";
import type { Client } from "../../platform/testing.ts";

/** Helpers shared by the beneficiaries test files: fresh CINs, a valid person body, a created person. */

let cinSeq = 100000;
export const nextCin = (prefix = "BE") => `${prefix}${cinSeq++}`;

export const person = (body: Record<string, unknown> = {}) => ({
  firstNameLatin: "Test",
  lastNameLatin: "Personne",
  sex: "female" as const,
  birthDate: "1990-05-01",
  provinceCode: "MA-CAS",
  ...body,
});

export const create = async (client: Client, body: Record<string, unknown>) => {
  const res = await client.post("/api/v1/persons", person(body));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
