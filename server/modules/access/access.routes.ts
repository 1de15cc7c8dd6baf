import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ApiTokenList,
  AuditEventList,
  AuditEventQuery,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiToken,
  CreateUserBody,
  LoginBody,
  Me,
  SetRolesBody,
  UpdateMeBody,
  UpdateUserBody,
  User,
  UserList,
  UserListQuery,
  UserWithPassword,
} from "../../../contracts/access.ts";
import { IdParams, VersionBody } from "../../../contracts/common.ts";
import { contextOf } from "../../platform/context.ts";
import type { AccessService } from "./access.service.ts";
import { SESSION_COOKIE } from "./access.sessions.ts";

const Empty = z.null().describe("No content");

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string | null) {
  reply.setCookie(SESSION_COOKIE, token ?? "", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
    ...(token ? {} : { maxAge: 0 }),
  });
}

export function accessRoutes(service: AccessService) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    const auth = { tags: ["auth"] };
    const users = { tags: ["users"] };

    app.post(
      "/auth/login",
      {
        schema: {
          ...auth,
          summary: "Sign in; sets the session cookie",
          body: LoginBody,
          response: { 200: Me },
        },
        config: { rateLimit: { max: 20, timeWindow: "1 minute" } },
      },
      async (request, reply) => {
        const { token, me } = await service.login(request.body, {
          actor: null,
          requestId: request.id,
          ip: request.ip,
          userAgent: request.headers["user-agent"] ?? null,
        });
        setSessionCookie(request, reply, token);
        return me;
      },
    );

    app.post(
      "/auth/logout",
      { schema: { ...auth, summary: "Sign out (revokes the session)", response: { 204: Empty } } },
      async (request, reply) => {
        await service.logout(contextOf(request));
        setSessionCookie(request, reply, null);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/auth/me",
      {
        schema: {
          ...auth,
          summary: "The caller, their roles, scopes and permissions",
          response: { 200: Me },
        },
      },
      (request) => service.me(contextOf(request)),
    );

    app.patch(
      "/auth/me",
      {
        schema: { ...auth, summary: "Save the caller's language", body: UpdateMeBody, response: { 200: Me } },
      },
      (request) => service.setMyLocale(contextOf(request), request.body.locale),
    );

    app.post(
      "/auth/password",
      {
        schema: {
          ...auth,
          summary: "Change one's own password",
          body: ChangePasswordBody,
          response: { 204: Empty },
        },
      },
      async (request, reply) => {
        await service.changeMyPassword(contextOf(request), request.body);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/auth/tokens",
      { schema: { ...auth, summary: "The caller's personal API tokens", response: { 200: ApiTokenList } } },
      async (request) => ({
        items: await service.listTokens(contextOf(request)),
      }),
    );

    app.post(
      "/auth/tokens",
      {
        schema: {
          ...auth,
          summary: "Create a personal API token (the secret is shown once)",
          body: CreateApiTokenBody,
          response: { 201: CreatedApiToken },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.createToken(contextOf(request), request.body)),
    );

    app.delete(
      "/auth/tokens/:id",
      {
        schema: {
          ...auth,
          summary: "Revoke a personal API token",
          params: IdParams,
          response: { 204: Empty },
        },
      },
      async (request, reply) => {
        await service.revokeToken(contextOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/users",
      {
        schema: { ...users, summary: "List users", querystring: UserListQuery, response: { 200: UserList } },
      },
      (request) => service.listUsers(contextOf(request), request.query, request.locale),
    );

    app.post(
      "/users",
      {
        schema: {
          ...users,
          summary: "Create a user",
          body: CreateUserBody,
          response: { 201: UserWithPassword },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.createUser(contextOf(request), request.body, request.locale)),
    );

    app.get(
      "/users/:id",
      { schema: { ...users, summary: "Read a user", params: IdParams, response: { 200: User } } },
      (request) => service.getUser(contextOf(request), request.params.id, request.locale),
    );

    app.patch(
      "/users/:id",
      {
        schema: {
          ...users,
          summary: "Update a user's name or language",
          params: IdParams,
          body: UpdateUserBody,
          response: { 200: User },
        },
      },
      (request) => service.updateUser(contextOf(request), request.params.id, request.body, request.locale),
    );

    app.put(
      "/users/:id/roles",
      {
        schema: {
          ...users,
          summary: "Replace a user's roles and scopes",
          params: IdParams,
          body: SetRolesBody,
          response: { 200: User },
        },
      },
      (request) => service.setRoles(contextOf(request), request.params.id, request.body, request.locale),
    );

    app.post(
      "/users/:id/disable",
      {
        schema: {
          ...users,
          summary: "Disable a user (ends their sessions)",
          params: IdParams,
          body: VersionBody,
          response: { 200: User },
        },
      },
      (request) =>
        service.setDisabled(
          contextOf(request),
          request.params.id,
          request.body.version,
          true,
          request.locale,
        ),
    );

    app.post(
      "/users/:id/enable",
      {
        schema: {
          ...users,
          summary: "Enable a disabled user",
          params: IdParams,
          body: VersionBody,
          response: { 200: User },
        },
      },
      (request) =>
        service.setDisabled(
          contextOf(request),
          request.params.id,
          request.body.version,
          false,
          request.locale,
        ),
    );

    app.post(
      "/users/:id/reset-password",
      {
        schema: {
          ...users,
          summary: "Give a user a new temporary password",
          params: IdParams,
          body: VersionBody,
          response: { 200: UserWithPassword },
        },
      },
      (request) =>
        service.resetPassword(contextOf(request), request.params.id, request.body.version, request.locale),
    );

    app.get(
      "/audit-events",
      {
        schema: {
          tags: ["audit"],
          summary: "Search the audit trail (administrators, auditors)",
          querystring: AuditEventQuery,
          response: { 200: AuditEventList },
        },
      },
      (request) => service.listAuditEvents(contextOf(request), request.query),
    );
  };
}
