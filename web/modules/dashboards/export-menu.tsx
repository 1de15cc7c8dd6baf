import { Button, Menu } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** CSV / XLSX download of what the section shows (the server applies the same scope). */
export function ExportMenu({ csv, xlsx }: { csv: string; xlsx: string }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" size="xs">
          {t("indicators.export")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={csv} download>
          {t("dashboards.exportCsv")}
        </Menu.Item>
        <Menu.Item component="a" href={xlsx} download>
          {t("dashboards.exportXlsx")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
