import { Checkbox, Group, Paper, Select, Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ROLES, type Role, type User } from "../../../contracts/access.ts";
import { useFormat } from "../../shared/format.ts";
import { PageHeader } from "../../shared/page-header.tsx";
import { type Column, PagedTable } from "../../shared/paged-table.tsx";
import { AnchorLink, ButtonLink } from "../../shared/router-links.tsx";
import { SearchInput } from "../../shared/search-input.tsx";
import { RoleList } from "./role-list.tsx";
import { UserStatus } from "./user-status.tsx";
import { userListQueryOptions } from "./users.api.ts";
import type { UserSearch } from "./users.search.ts";

const route = getRouteApi("/_app/users");

export function UserListPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = useInfiniteQuery(userListQueryOptions(search));
  const format = useFormat();

  const filter = (changes: Partial<UserSearch>) =>
    navigate({ search: (previous) => ({ ...previous, ...changes }), replace: true });

  const columns: Column<User>[] = [
    {
      key: "fullName",
      header: t("users.fields.fullName"),
      render: (user) => (
        <AnchorLink to="/users/$id" params={{ id: user.id }} fw={500}>
          {user.fullName}
        </AnchorLink>
      ),
    },
    {
      key: "email",
      header: t("users.fields.email"),
      render: (user) => <span className="jisr-ltr">{user.email}</span>,
    },
    { key: "roles", header: t("users.fields.roles"), render: (user) => <RoleList roles={user.roles} /> },
    {
      key: "status",
      header: t("users.fields.status"),
      render: (user) => <UserStatus disabled={user.disabled} />,
    },
    {
      key: "lastLogin",
      header: t("users.fields.lastLoginAt"),
      cellProps: { style: { whiteSpace: "nowrap" } },
      render: (user) =>
        user.lastLoginAt ? (
          format.dateTime(user.lastLoginAt)
        ) : (
          <Text span size="sm" c="dimmed">
            {t("users.neverLoggedIn")}
          </Text>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("users.title")}
        actions={<ButtonLink to="/users/new">{t("users.new")}</ButtonLink>}
      />
      <Stack>
        <Paper withBorder p="sm">
          <Group align="flex-end" gap="sm">
            <SearchInput
              label={t("common.search")}
              placeholder={t("users.searchPlaceholder")}
              value={search.q}
              onSearch={(q) => filter({ q })}
              flex="1 1 240px"
            />
            <Select
              label={t("users.fields.role")}
              placeholder={t("users.allRoles")}
              clearable
              data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              value={search.role ?? null}
              onChange={(role) => filter({ role: (role as Role | null) ?? undefined })}
              w={240}
            />
            <Checkbox
              label={t("users.includeDisabled")}
              checked={search.disabled === true}
              onChange={(event) => filter({ disabled: event.currentTarget.checked || undefined })}
              mb={8}
            />
          </Group>
        </Paper>
        <PagedTable
          query={query}
          columns={columns}
          rowKey={(user) => user.id}
          label={t("users.title")}
          emptyTitle={t("users.empty")}
        />
      </Stack>
    </>
  );
}
