import type { ScaleName } from "../lib/args.ts";

/** Row counts per scale, from the national-scale issue; `small` runs in seconds for CI. */
export interface Scale {
  persons: number;
  households: number;
  establishments: number;
  applications: number;
  services: number;
  auditEvents: number;
  /** Days of attendance recorded for the residents currently admitted. */
  attendanceDays: number;
  /** Associations that manage the establishments. */
  associations: number;
}

export const SCALES: Record<ScaleName, Scale> = {
  small: {
    persons: 6_000,
    households: 1_800,
    establishments: 120,
    applications: 2_000,
    services: 8_000,
    auditEvents: 2_000,
    attendanceDays: 7,
    associations: 80,
  },
  agency: {
    persons: 600_000,
    households: 180_000,
    establishments: 4_100,
    applications: 300_000,
    services: 2_000_000,
    auditEvents: 200_000,
    attendanceDays: 14,
    associations: 2_500,
  },
  national: {
    persons: 5_000_000,
    households: 1_500_000,
    establishments: 4_100,
    applications: 2_000_000,
    services: 20_000_000,
    auditEvents: 1_000_000,
    attendanceDays: 14,
    associations: 2_500,
  },
};
