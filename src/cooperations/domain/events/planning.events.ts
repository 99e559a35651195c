import { about, ags, array, event, type Infer, int, object, oneOf, PER_COOPERATION_ITEMS, str, text } from '../schema';
import type { Ags } from '../municipality';

export const STEERING_BODY_KINDS = [
  'Lenkungsausschuss',
  'Beirat',
  'Steuerungsgruppe',
  'Verbandsversammlung',
  'Verwaltungsrat',
  'Gesellschafterversammlung',
] as const;
export type SteeringBodyKind = (typeof STEERING_BODY_KINDS)[number];
export const DECISION_RULES = ['majority', 'two-thirds', 'unanimity'] as const;
export type DecisionRule = (typeof DECISION_RULES)[number];
export const REPORT_INTERVALS = ['monthly', 'quarterly', 'half-yearly', 'yearly'] as const;
export type ReportInterval = (typeof REPORT_INTERVALS)[number];
/** `steering-body`, `all-partners`, or the AGS of one participating municipality. */
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- documents the two keywords beside an AGS
export type ReportRecipient = 'steering-body' | 'all-partners' | Ags;

/** Lead only; replaces the previous definition. */
export const defineSteeringBody = event(
  'DEFINE_STEERING_BODY',
  {
    kind: about(oneOf(STEERING_BODY_KINDS), 'Art des Gremiums', 'Kind of body'),
    name: about(text(200), 'Name des Gremiums', 'Name of the body', 'Lenkungsausschuss Gemeinsamer Bauhof'),
    members: about(
      array(
        object(
          {
            municipality: about(ags, 'AGS der entsendenden Kommune', 'AGS of the delegating municipality', '05554024'),
            name: about(text(200), 'Name des Mitglieds', 'Name of the member'),
            function: about(text(200), 'Funktion des Mitglieds', 'Function of the member'),
          },
          'SteeringBodyMember',
        ),
        { min: 1, max: PER_COOPERATION_ITEMS },
      ),
      'Mitglieder',
      'Members',
    ),
    decisionRule: about(oneOf(DECISION_RULES), 'Entscheidungsregel', 'Decision rule'),
  },
  'Die federführende Kommune legt das Steuerungsgremium fest (ersetzt die vorige Festlegung).',
  'The lead municipality defines the steering body (replaces the previous definition).',
);

export const reportingDuty = object(
  {
    reporter: about(ags, 'AGS der berichtenden Kommune', 'AGS of the reporting municipality', '05554024'),
    recipients: about(
      array(text(20), { max: 20 }),
      "Empfänger: 'steering-body', 'all-partners' oder der AGS einer beteiligten Kommune",
      "Recipients: 'steering-body', 'all-partners' or the AGS of a participant",
    ),
    interval: about(oneOf(REPORT_INTERVALS), 'Berichtsturnus', 'Reporting interval'),
    contents: about(
      array(str({ max: 500 }), { max: 20 }),
      'Berichtsinhalte; zusammen decken die Pflichten jeden Indikator der Erfolgskriterien ab',
      'Report contents; together the duties must cover every success-criterion indicator',
    ),
  },
  'ReportingDuty',
);

/** Lead only; replaces the previous definition. */
export const defineReportingDuties = event(
  'DEFINE_REPORTING_DUTIES',
  {
    duties: about(
      array(reportingDuty, { min: 1, max: PER_COOPERATION_ITEMS }),
      'Berichtspflichten [P8]',
      'Reporting duties [P8]',
    ),
    gracePeriodDays: about(
      int({ min: 0, max: 365 }),
      'Tage nach dem Fälligkeitstag, bis ein überfälliger Bericht eskaliert',
      'Days after the due date before an overdue report escalates',
    ),
  },
  'Die federführende Kommune legt die Berichtspflichten fest (ersetzt die vorige Festlegung).',
  'The lead municipality defines the reporting duties (replaces the previous definition).',
);

/** Lead only. Guards OBL-STEERING-BODY, OBL-REPORTING-DUTIES. */
export const startContract = event(
  'START_CONTRACT',
  {},
  'Die federführende Kommune beendet die Planung und beginnt die Vertragsphase.',
  'The lead municipality ends the planning and starts the contract phase.',
);

export type ReportingDuty = Infer<typeof reportingDuty>;
export type DefineSteeringBody = Infer<typeof defineSteeringBody>;
export type DefineReportingDuties = Infer<typeof defineReportingDuties>;
export type StartContract = Infer<typeof startContract>;
