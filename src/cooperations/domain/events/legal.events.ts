import { OBLIGATION_IDS } from '../obligations.catalog';
import { about, date, event, type Infer, int, object, oneOf, optional, str, text } from '../schema';

/*
 * Events of the legal procedures the statutes write: each member's own § 115 GO NRW notification,
 * and the record that a recommended obligation is waived or a "ggfs." part does not apply.
 */

export const NOTIFICATION_PERIOD_UNITS = ['days', 'weeks', 'months'] as const;

/**
 * Private-law forms (§ 115 Abs. 1 GO NRW): the own municipality records its notification to its own
 * supervisory authority, and any shortening or extension of the six weeks that authority decided.
 */
export const recordMemberNotification = event(
  'RECORD_MEMBER_NOTIFICATION',
  {
    version: about(
      int({ min: 1 }),
      'Die Vertragsfassung, deren Beschluss angezeigt wurde',
      'The contract version whose decision was notified',
    ),
    authority: about(
      text(300),
      'Kennung oder Name der eigenen Aufsichtsbehörde',
      'Id or name of the own supervisory authority',
      'Landrätin oder Landrat des Kreises Borken',
    ),
    submittedOn: about(date, 'Eingang der Anzeige bei der Behörde', 'Date the authority received the notification'),
    periodSetByAuthority: about(
      optional(
        object(
          {
            amount: about(int({ min: 0, max: 1000 }), 'Anzahl', 'Amount'),
            unit: about(oneOf(NOTIFICATION_PERIOD_UNITS), 'Einheit', 'Unit'),
            decidedOn: about(date, 'Datum der Entscheidung der Behörde', "Date of the authority's decision"),
            reference: about(text(300), 'Aktenzeichen oder Schreiben', 'File number or letter'),
          },
          'NotificationPeriod',
        ),
      ),
      'Von der Aufsichtsbehörde im Einzelfall verkürzte oder verlängerte Frist (§ 115 Abs. 1 S. 3 GO NRW)',
      'Period shortened or extended by the authority in the individual case (§ 115(1) s. 3 GO NRW)',
    ),
  },
  'Die eigene Kommune erfasst ihre Anzeige bei ihrer Aufsichtsbehörde (§ 115 Abs. 1 GO NRW).',
  'The own municipality records its notification to its own supervisory authority (§ 115(1) GO NRW).',
);

/**
 * Lead only. A recommended obligation is waived with a reason, or — with `part` — a part the FAQ
 * marks "ggfs." (vehicles and equipment) does not apply. Statutory obligations cannot be waived.
 */
export const waiveObligation = event(
  'WAIVE_OBLIGATION',
  {
    obligation: about(oneOf(OBLIGATION_IDS), 'Die Pflicht', 'The obligation', 'OBL-CONFLICT-PROCEDURE'),
    part: about(
      optional(str({ max: 100 })),
      'Nur ein mit „ggfs.“ gekennzeichneter Teil ist nicht einschlägig, z. B. vehiclesAndEquipment',
      'Only a part marked "ggfs." does not apply, e.g. vehiclesAndEquipment',
    ),
    reason: about(text(5000), 'Begründung (steht in der Historie)', 'Reason (kept in the history)'),
  },
  'Die federführende Kommune verzichtet begründet auf eine Empfehlung oder erklärt einen „ggfs.“-Teil für nicht einschlägig.',
  'The lead municipality waives a recommendation with a reason, or marks a "ggfs." part not applicable.',
);

export type RecordMemberNotification = Infer<typeof recordMemberNotification>;
export type WaiveObligation = Infer<typeof waiveObligation>;
