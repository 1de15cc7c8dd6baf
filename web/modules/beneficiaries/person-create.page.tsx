import { notifications } from "@mantine/notifications";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../shared/page-header.tsx";
import { AnchorLink } from "../../shared/router-links.tsx";
import { type Duplicate, useCheckDuplicates, useCreatePerson } from "./beneficiaries.api.ts";
import { DuplicateList } from "./duplicate-list.tsx";
import { PersonForm, toInput } from "./person-form.tsx";

/**
 * Registering a person: the probable duplicates (same CIN, same phone, similar name born the
 * same day in the same place) are shown first; saving anyway is a second, deliberate click.
 */
export function PersonCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePerson();
  const check = useCheckDuplicates();
  const [checked, setChecked] = useState<{ key: string; items: Duplicate[] } | null>(null);

  return (
    <>
      <PageHeader
        title={t("beneficiaries.createTitle")}
        back={
          <AnchorLink to="/persons" size="sm">
            {t("beneficiaries.backToList")}
          </AnchorLink>
        }
      />
      <PersonForm
        submitLabel={
          checked?.items.length ? t("beneficiaries.duplicates.saveAnyway") : t("beneficiaries.form.check")
        }
        notice={checked && checked.items.length > 0 && <DuplicateList items={checked.items} />}
        onCancel={() => navigate({ to: "/persons" })}
        onSubmit={async (values) => {
          const input = toInput(values);
          const key = JSON.stringify(input);
          if (checked?.key !== key) {
            const items = await check.mutateAsync({
              cin: input.cin,
              firstNameLatin: input.firstNameLatin,
              lastNameLatin: input.lastNameLatin,
              firstNameAr: input.firstNameAr,
              lastNameAr: input.lastNameAr,
              birthDate: input.birthDate || null,
              phone: input.phone,
              provinceCode: input.provinceCode || null,
              commune: input.commune,
            });
            setChecked({ key, items });
            if (items.length > 0) return;
          }
          const person = await create.mutateAsync(input);
          notifications.show({ color: "teal", message: t("beneficiaries.created") });
          await navigate({ to: "/persons/$id", params: { id: person.id } });
        }}
      />
    </>
  );
}
