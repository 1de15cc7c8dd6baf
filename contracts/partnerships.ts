/**
 * Enumerations shared by the partnerships module (conventions, projects):
 * plain arrays so pages that only need a list of values do not pull Zod in.
 * Request and response shapes live in contracts/conventions.ts and contracts/projects.ts.
 */
export const CONVENTION_TYPES = ["framework", "specific"] as const;
export type ConventionType = (typeof CONVENTION_TYPES)[number];

export const CONVENTION_STATUSES = [
  "draft",
  "signed",
  "in_progress",
  "completed",
  "suspended",
  "terminated",
] as const;
export type ConventionStatus = (typeof CONVENTION_STATUSES)[number];

/** What a party is to a convention. */
export const PARTY_ROLES = ["signatory", "funder", "implementer", "technical_partner", "supervisor"] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const PROJECT_STATUSES = ["planned", "in_progress", "suspended", "completed", "cancelled"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_SECTORS = [
  "social_protection",
  "establishments",
  "youth_entrepreneurship",
  "women_empowerment",
  "disability",
  "childhood",
  "elderly",
  "capacity_building",
  "infrastructure",
  "other",
] as const;
export type ProjectSector = (typeof PROJECT_SECTORS)[number];

export const BUDGET_CATEGORIES = [
  "works",
  "equipment",
  "services",
  "training",
  "operations",
  "studies",
  "other",
] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];
