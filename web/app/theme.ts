import { createTheme, Modal, Notification, PasswordInput, Select } from "@mantine/core";
import type { TFunction } from "i18next";

/** Latin first; Arabic glyphs fall back to Noto. `global.css` puts the Arabic faces first for Arabic text. */
const fontFamily =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "Noto Sans Arabic", "Noto Naskh Arabic", sans-serif';

/** The theme, with the accessible names Mantine would otherwise give in English. */
export function createAppTheme(t: TFunction) {
  return createTheme({
    primaryColor: "teal",
    fontFamily,
    headings: { fontFamily },
    defaultRadius: "md",
    components: {
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { "aria-label": t("common.togglePassword") } },
      }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { "aria-label": t("common.close") } } }),
      Notification: Notification.extend({
        defaultProps: { closeButtonProps: { "aria-label": t("common.close") } },
      }),
      Select: Select.extend({
        defaultProps: { clearButtonProps: { "aria-label": t("common.clear") } },
      }),
    },
  });
}
