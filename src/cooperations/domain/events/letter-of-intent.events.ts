import {
  about,
  ags,
  array,
  event,
  type Infer,
  int,
  num,
  object,
  optional,
  PER_COOPERATION_ITEMS,
  str,
} from '../schema';

// Drafts may be incomplete (empty texts, empty lists); OBL-LOI-CONTENT blocks the adoption.

const municipality = about(ags, 'AGS einer beteiligten Kommune', 'AGS of a participating municipality', '05554024');

export const responsibility = object(
  {
    municipality,
    text: about(str({ max: 2000 }), 'Wofür die Kommune verantwortlich ist', 'What the municipality is responsible for'),
  },
  'Responsibility',
);

export const resourcePledge = object(
  {
    municipality,
    time: about(
      object(
        {
          personDays: about(optional(num({ min: 0 })), 'Personentage', 'Person-days'),
          timeline: about(str({ max: 2000 }), 'Zeitrahmen', 'Timeline', '18 Monate Aufbauphase'),
        },
        'TimePledge',
      ),
      'Zeiteinsatz',
      'Time pledged',
    ),
    personnel: about(
      object(
        {
          fte: about(optional(num({ min: 0, max: 1000 })), 'Vollzeitäquivalente', 'Full-time equivalents'),
          roles: about(optional(array(str({ max: 200 }), { max: 20 })), 'Rollen des Personals', 'Roles of the staff'),
        },
        'PersonnelPledge',
      ),
      'Personaleinsatz',
      'Staff pledged',
    ),
    moneyCents: about(
      int({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      'Geldbetrag in ganzen Euro-Cent; 0 heißt ausdrücklich „kein Geld“',
      'Integer euro cents; 0 is an explicit "no money"',
      12_000_000,
    ),
  },
  'ResourcePledge',
);

export const successCriterion = object(
  {
    indicator: about(
      str({ max: 500 }),
      'Was gemessen wird',
      'What is measured',
      'Kosten je km unterhaltener Gemeindestraße',
    ),
    target: about(num(), 'Zielwert', 'Target value', -10),
    unit: about(str({ max: 100 }), 'Einheit', 'Unit', '% gegenüber 2025'),
    baseline: about(optional(num()), 'Ausgangswert', 'Baseline value'),
  },
  'SuccessCriterion',
);

/** Lead only. Creates a new LoI version and voids all signatures. */
export const draftLoi = event(
  'DRAFT_LOI',
  {
    expectations: about(str({ max: 10_000 }), 'Erwartungen an die Kooperation', 'Expectations of the cooperation'),
    goals: about(array(str({ max: 2000 }), { max: 20 }), 'Ziele', 'Goals'),
    responsibilities: about(
      array(responsibility, { max: PER_COOPERATION_ITEMS }),
      'Verantwortlichkeiten',
      'Responsibilities',
    ),
    resources: about(
      array(resourcePledge, { max: PER_COOPERATION_ITEMS }),
      'Ressourcen, je Kommune einmal',
      'Resources, once per municipality',
    ),
    successCriteria: about(
      array(successCriterion, { max: PER_COOPERATION_ITEMS }),
      'Erfolgskriterien',
      'Success criteria',
    ),
  },
  'Die federführende Kommune legt eine neue Fassung der Absichtserklärung vor; alle Unterschriften entfallen. Entwürfe dürfen unvollständig sein.',
  'The lead municipality drafts a new version of the letter of intent; all signatures are voided. Drafts may be incomplete.',
);

const version = about(
  int({ min: 1 }),
  'Die unterzeichnete Fassung (muss die aktuelle sein)',
  'The version signed (must be the current one)',
);

/** The appointed contact of a participating municipality signs the current version. */
export const signLoi = event(
  'SIGN_LOI',
  { version },
  'Die benannte Ansprechperson unterzeichnet die aktuelle Fassung der Absichtserklärung.',
  'The appointed contact signs the current version of the letter of intent.',
);

/** Lead only. Guards OBL-LOI-CONTENT, OBL-SUCCESS-CRITERIA, OBL-LOI-SIGNED-ALL. */
export const adoptLoi = event(
  'ADOPT_LOI',
  {},
  'Die federführende Kommune stellt die von allen unterzeichnete Absichtserklärung fest.',
  'The lead municipality adopts the letter of intent signed by everyone.',
);

export type Responsibility = Infer<typeof responsibility>;
export type ResourcePledge = Infer<typeof resourcePledge>;
export type SuccessCriterion = Infer<typeof successCriterion>;
export type DraftLoi = Infer<typeof draftLoi>;
export type SignLoi = Infer<typeof signLoi>;
export type AdoptLoi = Infer<typeof adoptLoi>;
