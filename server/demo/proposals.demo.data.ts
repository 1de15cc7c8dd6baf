import type { ProposalTheme } from "../../contracts/proposals.ts";

/** Proposals of the demo: what associations and councils typically ask for, in their own words. */
export interface DemoProposalIdea {
  theme: ProposalTheme;
  title: string;
  description: string;
  /** Dirhams. */
  costMad: number;
  targetGroup: string;
}

export const PROPOSAL_IDEAS: DemoProposalIdea[] = [
  {
    theme: "education_support",
    title: "Connecter la Dar Taliba et équiper une salle d'étude numérique",
    description:
      "Raccorder la maison de l'étudiante à internet et équiper une salle de 20 postes pour le soutien scolaire du soir.",
    costMad: 180_000,
    targetGroup: "Collégiennes et lycéennes du milieu rural",
  },
  {
    theme: "establishments",
    title: "Chauffe-eau solaires pour le centre d'accueil",
    description:
      "Installer des chauffe-eau solaires et remplacer les installations vétustes pour assurer l'eau chaude toute l'année.",
    costMad: 240_000,
    targetGroup: "Résidents du centre",
  },
  {
    theme: "elderly",
    title: "Unité de jour pour personnes âgées isolées",
    description:
      "Ouvrir un accueil de jour avec repas, animation et suivi médical léger pour les personnes âgées vivant seules.",
    costMad: 650_000,
    targetGroup: "Personnes âgées de plus de 65 ans",
  },
  {
    theme: "women_empowerment",
    title: "Atelier de couture et de commercialisation pour la coopérative",
    description:
      "Équiper un atelier, former 30 femmes à la couture et à la vente en ligne, et organiser deux foires régionales.",
    costMad: 320_000,
    targetGroup: "Femmes en situation de précarité",
  },
  {
    theme: "youth_employment",
    title: "Incubateur de projets pour jeunes des quartiers",
    description:
      "Accompagner 60 jeunes porteurs de projets : formation, mentorat et mise en relation avec les financements inclusifs.",
    costMad: 900_000,
    targetGroup: "Jeunes de 18 à 30 ans",
  },
  {
    theme: "child_protection",
    title: "Cellule d'écoute et d'orientation des enfants en difficulté",
    description:
      "Mettre en place une cellule d'écoute avec une assistante sociale et un psychologue, en lien avec les établissements de la province.",
    costMad: 410_000,
    targetGroup: "Enfants et adolescents en difficulté",
  },
  {
    theme: "disability",
    title: "Transport adapté pour les enfants en situation de handicap",
    description: "Acquérir un minibus adapté pour conduire les enfants au centre et à l'école inclusive.",
    costMad: 560_000,
    targetGroup: "Enfants en situation de handicap",
  },
  {
    theme: "capacity_building",
    title: "Formation des éducateurs à la gestion des établissements",
    description:
      "Cycle de formation de formateurs pour les directeurs et éducateurs des EPS de la région, avec démultiplication.",
    costMad: 150_000,
    targetGroup: "Personnel des établissements de protection sociale",
  },
  {
    theme: "social_inclusion",
    title: "Maraude sociale et hébergement d'urgence en hiver",
    description:
      "Organiser des maraudes de nuit et ouvrir 40 places d'hébergement d'urgence pendant les mois froids.",
    costMad: 380_000,
    targetGroup: "Personnes sans abri",
  },
  {
    theme: "health_access",
    title: "Caravanes médicales dans les communes enclavées",
    description:
      "Quatre caravanes médicales par an avec dépistage et orientation vers les structures de santé.",
    costMad: 270_000,
    targetGroup: "Familles des communes rurales enclavées",
  },
];

export const DEMO_COMMENTS = [
  "Pouvez-vous préciser le budget de fonctionnement après la première année ?",
  "Nous pouvons mettre à disposition un local dans la commune.",
  "Projet cohérent avec le programme régional ; à rapprocher de la convention en cours.",
  "Merci de joindre l'avis de la délégation provinciale.",
];

export const DECISION_NOTES = {
  retained: "Retenue : priorité régionale, cofinancement possible dans le cadre de la convention.",
  not_retained: "Non retenue : hors des priorités de l'appel ; à représenter avec un cofinancement local.",
};
