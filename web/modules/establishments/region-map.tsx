export * from "../../shared/region-map.tsx";
