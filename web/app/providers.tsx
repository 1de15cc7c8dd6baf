import { DirectionProvider, MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage, directionOf } from "./i18n.ts";
import { queryClient, router } from "./router.tsx";
import { createAppTheme } from "./theme.ts";

/** Direction follows `<html dir>`, which the language switcher sets. */
export function App() {
  const { t } = useTranslation();
  const theme = useMemo(() => createAppTheme(t), [t]);
  return (
    <DirectionProvider initialDirection={directionOf(currentLanguage())} detectDirection>
      <MantineProvider theme={theme}>
        <Notifications position="top-center" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
