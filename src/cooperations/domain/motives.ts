/** The motives for cooperating that the Interkommunales.NRW FAQ lists [P1]. */
export const MOTIVES = {
  synergies: {
    de: 'Effiziente Leistungserbringung durch Nutzung von Synergieeffekten',
    en: 'Efficient service delivery through synergies',
  },
  'staff-recruitment': {
    de: 'Gewinnung, Qualifizierung und Schulung von Mitarbeitern, insbesondere im Hinblick auf Fachkräftemangel',
    en: 'Recruiting, qualifying and training staff, especially given the shortage of skilled workers',
  },
  'future-proofing': {
    de: 'Schaffung attraktiver Arbeitsplätze und fach- und sachgerechte Vertretung, Zukunftssicherung',
    en: 'Attractive jobs, competent cover and substitution, securing the future',
  },
  'room-for-manoeuvre': {
    de: 'Erweiterung des kommunalen Handlungsspielraums (z. B. Vergabe, Schulen, Brandschutz)',
    en: 'Widening municipal room for manoeuvre (e.g. procurement, schools, fire protection)',
  },
  'opening-up-resources': {
    de: 'Erschließung von Ressourcen (z. B. Gewerbeflächen, Bäder, Teilnahme an Förderprogrammen)',
    en: 'Opening up resources (e.g. industrial land, swimming pools, funding programmes)',
  },
} as const;

export type MotiveId = keyof typeof MOTIVES;
export const MOTIVE_IDS = Object.keys(MOTIVES) as MotiveId[];
