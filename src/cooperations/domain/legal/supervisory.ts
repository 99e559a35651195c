import type { CalendarDate } from '../calendar';
import type { LegalFormId } from './legal-form-ids';
import { type LegalRule, ruleOn, TEXT_DATES } from './rule';

/*
 * Which supervisory procedure a legal act needs, per legal form and act, as dated rule data — the
 * one source of the supervisory kind. The periods of a deemed approval are in approval.ts, the
 * § 115 GO NRW notification per member in notification.ts, the competent authority in competence.ts.
 */

/** The legal act under supervision: the conclusion, an amendment while active (joining included), the dissolution. */
export type SupervisedAct = 'conclusion' | 'amendment' | 'dissolution';

export type SupervisoryKind = 'approval' | 'notification' | 'notification-6-weeks-ahead' | 'none';

export interface SupervisoryRule extends LegalRule {
  form: LegalFormId;
  act: SupervisedAct;
  kind: SupervisoryKind;
  /** The authority publishes (or the act is published) before it takes effect. */
  publicationRequired: boolean;
}

const rule = (
  id: string,
  form: LegalFormId,
  acts: readonly SupervisedAct[],
  kind: SupervisoryKind,
  publicationRequired: boolean,
  citation: string,
  certainty: LegalRule['certainty'],
  effectiveFrom: CalendarDate = TEXT_DATES.GKG,
): SupervisoryRule[] =>
  acts.map((act) => ({
    id: `${id}-${act.toUpperCase()}`,
    form,
    act,
    kind,
    publicationRequired,
    citation,
    certainty,
    effectiveFrom,
    effectiveFromConfirmed: false,
  }));

export const SUPERVISORY_RULES: readonly SupervisoryRule[] = [
  ...rule(
    'GKG-2-3-AG',
    'kommunale-arbeitsgemeinschaft',
    ['conclusion', 'amendment', 'dissolution'],
    'none',
    false,
    '§§ 2–3 GkG NRW',
    'unverified',
  ),
  ...rule(
    'GKG-24-2-4-OERV',
    'oeffentlich-rechtliche-vereinbarung',
    ['conclusion', 'amendment'],
    'approval',
    true,
    '§ 24 Abs. 2–4 GkG NRW',
    'verified',
  ),
  // § 24 Abs. 5: termination and cancellation are notified (Anzeige), then published like the conclusion.
  ...rule(
    'GKG-24-5-OERV',
    'oeffentlich-rechtliche-vereinbarung',
    ['dissolution'],
    'notification',
    true,
    '§ 24 Abs. 5 GkG NRW',
    'verified',
  ),
  ...rule('GKG-10-11-ZV', 'zweckverband', ['conclusion'], 'approval', true, '§§ 10–11 GkG NRW', 'verified'),
  // § 20 Abs. 2 S. 1: a Freiverband notifies amendments of its statute and needs approval for its dissolution.
  ...rule(
    'GKG-20-2-ZV',
    'zweckverband',
    ['amendment'],
    'notification',
    true,
    '§ 20 Abs. 2 S. 1 Halbs. 1, Abs. 4 GkG NRW',
    'verified',
  ),
  ...rule(
    'GKG-20-2-ZV',
    'zweckverband',
    ['dissolution'],
    'approval',
    true,
    '§ 20 Abs. 2 S. 1 Halbs. 2, Abs. 4 GkG NRW',
    'verified',
  ),
  ...rule(
    'GKG-27-GKU',
    'gemeinsames-kommunalunternehmen',
    ['conclusion', 'amendment', 'dissolution'],
    'notification',
    true,
    '§ 27 GkG NRW',
    'unverified',
  ),
  ...rule(
    'GO-115-1',
    'private-law',
    ['conclusion', 'amendment', 'dissolution'],
    'notification-6-weeks-ahead',
    false,
    '§ 115 Abs. 1 GO NRW',
    'verified',
    TEXT_DATES.GO,
  ),
];

/** The supervisory rule for `act` of a cooperation in `form`, in force on the date of the act. */
export function supervisoryRule(form: LegalFormId, act: SupervisedAct, on: CalendarDate): SupervisoryRule | undefined {
  return ruleOn(SUPERVISORY_RULES, on, (r) => r.form === form && r.act === act);
}
