import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ProvinceList, ProvinceQuery, RegionList } from "../../../contracts/territories.ts";
import { contextOf } from "../../platform/context.ts";
import type { Db } from "../../platform/database.ts";
import { accessFor } from "../../platform/scope.ts";
import * as repo from "./territories.repository.ts";

/** Reference data, identical for everyone signed in: no scope filter, only the read permission. */
export function territoriesRoutes(db: Db) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const tags = ["territories"];
    app.get(
      "/territories/regions",
      {
        schema: {
          tags,
          summary: "The 12 regions with their 2024 census population",
          response: { 200: RegionList },
        },
      },
      async (request) => {
        accessFor(contextOf(request).actor, "territories.read");
        return { items: await repo.listRegions(db) };
      },
    );
    app.get(
      "/territories/provinces",
      {
        schema: {
          tags,
          summary: "Provinces and prefectures, optionally of one region",
          querystring: ProvinceQuery,
          response: { 200: ProvinceList },
        },
      },
      async (request) => {
        accessFor(contextOf(request).actor, "territories.read");
        return { items: await repo.listProvinces(db, request.query.region) };
      },
    );
  };
}
