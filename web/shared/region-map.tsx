import { Group, Stack, Text } from "@mantine/core";
import type { KeyboardEvent } from "react";

/** Schematic tile map of Morocco's 12 regions, laid out roughly north → south (x, y in cells; h in rows). */
const TILES: { code: string; x: number; y: number; h?: number }[] = [
  { code: "MA-01", x: 2, y: 0 },
  { code: "MA-02", x: 3, y: 0, h: 2 },
  { code: "MA-04", x: 1, y: 1 },
  { code: "MA-03", x: 2, y: 1 },
  { code: "MA-06", x: 1, y: 2 },
  { code: "MA-05", x: 2, y: 2 },
  { code: "MA-08", x: 3, y: 2, h: 2 },
  { code: "MA-07", x: 1, y: 3 },
  { code: "MA-09", x: 2, y: 3 },
  { code: "MA-10", x: 1, y: 4 },
  { code: "MA-11", x: 0.5, y: 5 },
  { code: "MA-12", x: 0, y: 6 },
];

const CELL_W = 130;
const CELL_H = 52;
const GAP = 4;
const WIDTH = 4 * CELL_W;
const HEIGHT = 7 * CELL_H;

/** Sequential scale (light → dark); zero has its own neutral colour. */
const SCALE = ["#dbe9f6", "#a8cbe6", "#6aa5d3", "#2f7cba", "#0f4f8a"];
const ZERO = "#f1f3f5";

export interface RegionMapProps {
  /** Value by region code (missing = 0). */
  values: Readonly<Record<string, number>>;
  /** The selected region code, outlined. */
  selected?: string | null;
  /** Called with the clicked region, or null when the selected one is clicked again. */
  onSelect?: (code: string | null) => void;
  /** The short name drawn in a tile. */
  label: (code: string) => string;
  /** The accessible description of a tile (full name and value). */
  describe: (code: string, value: number) => string;
  /** How a value is written (defaults to the number as is). */
  format?: (value: number) => string;
  /** The legend's title. */
  legend: string;
  /** The map's accessible name. */
  title: string;
  /** Values are decimals (rates, per inhabitant): the legend shows ranges of the maximum. */
  continuous?: boolean;
}

/** Counts: integer steps (1–3, 4–6…). Decimal values (rates, per inhabitant): equal shares of the maximum. */
const bucket = (value: number, max: number, continuous: boolean) =>
  value <= 0 || max <= 0
    ? -1
    : continuous
      ? Math.min(SCALE.length - 1, Math.max(0, Math.ceil((value / max) * SCALE.length) - 1))
      : Math.min(SCALE.length - 1, Math.floor(((value - 1) / max) * SCALE.length));

/** Choropleth-like tile map of the regions: colour by value, click or Enter/Space to select. */
export function RegionMap({
  values,
  selected,
  onSelect,
  label,
  describe,
  format = String,
  legend,
  title,
  continuous = false,
}: RegionMapProps) {
  const max = Math.max(0, ...TILES.map((tile) => values[tile.code] ?? 0));
  const toggle = (code: string) => onSelect?.(selected === code ? null : code);
  const onKey = (code: string) => (event: KeyboardEvent) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      toggle(code);
    }
  };
  const steps = SCALE.map((colour, i) =>
    continuous
      ? { colour, from: (i * max) / SCALE.length, to: ((i + 1) * max) / SCALE.length }
      : {
          colour,
          from: Math.floor((i * max) / SCALE.length) + 1,
          to: Math.floor(((i + 1) * max) / SCALE.length),
        },
  ).filter((s) => s.to >= s.from && (!continuous || max > 0));

  return (
    <Stack gap="xs">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxWidth: 460, direction: "ltr" }}
        data-testid="region-map"
      >
        <title>{title}</title>
        {TILES.map((tile) => {
          const value = values[tile.code] ?? 0;
          const b = bucket(value, max, continuous);
          const fill = b < 0 ? ZERO : SCALE[b];
          const dark = b >= 2;
          const isSelected = selected === tile.code;
          const x = tile.x * CELL_W + GAP / 2;
          const y = tile.y * CELL_H + GAP / 2;
          const w = CELL_W - GAP;
          const h = (tile.h ?? 1) * CELL_H - GAP;
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>
            <g
              key={tile.code}
              role="button"
              tabIndex={0}
              aria-pressed={isSelected}
              aria-label={describe(tile.code, value)}
              data-region={tile.code}
              onClick={() => toggle(tile.code)}
              onKeyDown={onKey(tile.code)}
              style={{ cursor: onSelect ? "pointer" : "default", outline: "none" }}
              className="region-map-tile"
            >
              <rect
                x={x}
                y={y}
                width={w}
                height={h}
                rx={8}
                fill={fill}
                stroke={isSelected ? "#e8590c" : "#868e96"}
                strokeWidth={isSelected ? 4 : 1}
              />
              <text
                x={x + w / 2}
                y={y + h / 2 - 4}
                textAnchor="middle"
                fontSize={13}
                fontWeight={600}
                fill={dark ? "#fff" : "#212529"}
              >
                {label(tile.code)}
              </text>
              <text
                x={x + w / 2}
                y={y + h / 2 + 14}
                textAnchor="middle"
                fontSize={13}
                fill={dark ? "#fff" : "#212529"}
              >
                {format(value)}
              </text>
            </g>
          );
        })}
      </svg>
      <Group gap={6} wrap="wrap" aria-hidden>
        <Text size="xs" c="dimmed">
          {legend}
        </Text>
        <Group gap={4}>
          <span style={{ width: 14, height: 14, background: ZERO, border: "1px solid #ced4da" }} />
          <Text size="xs">{format(0)}</Text>
        </Group>
        {steps.map((s) => (
          <Group gap={4} key={s.colour}>
            <span style={{ width: 14, height: 14, background: s.colour }} />
            <Text size="xs">{s.from === s.to ? format(s.from) : `${format(s.from)}–${format(s.to)}`}</Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
