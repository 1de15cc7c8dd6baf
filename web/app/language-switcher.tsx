import { SegmentedControl } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../contracts/common.ts";
import { useMe, useSaveLocale } from "../modules/auth/auth.api.ts";
import { errorMessage } from "../shared/problem.ts";
import { applyLanguage, currentLanguage } from "./i18n.ts";

const OPTIONS: { value: Locale; label: string }[] = [
  { value: "fr", label: "FR" },
  { value: "ar", label: "العربية" },
  { value: "en", label: "EN" },
];

/** Changes the UI language and direction; when signed in, also saves it as the user's preference. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const me = useMe();
  const saveLocale = useSaveLocale();
  const queryClient = useQueryClient();

  const change = async (value: string) => {
    const lang = value as Locale;
    // Saved first, not after the language's texts have downloaded: a page left or reloaded in
    // the meantime (a slow connection) would otherwise never send it.
    if (me && me.user.locale !== lang) {
      saveLocale.mutate(lang, {
        onError: (error) => notifications.show({ color: "red", message: errorMessage(error, t) }),
      });
    }
    await applyLanguage(lang);
    // Texts the server wrote (scope names, messages) come again in the new language; territories carry all three.
    void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== "territories" });
  };

  return (
    <SegmentedControl
      size="xs"
      value={currentLanguage()}
      onChange={change}
      aria-label={t("app.language")}
      data={OPTIONS.map((option) => ({
        value: option.value,
        label: <span lang={option.value}>{option.label}</span>,
      }))}
    />
  );
}
