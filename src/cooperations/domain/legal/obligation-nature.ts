import type { CalendarDate } from '../calendar';
import type { LegalFormId } from './legal-form-ids';
import type { ObligationId } from '../obligations.catalog';
import { terminationTermsRequired } from './exit';
import type { Bilingual } from './rule';

/*
 * Good practice is not law. Each obligation of the catalog says whether a statute requires it or
 * the FAQ recommends it ([P6] "Es empfiehlt sich", "sollte", [P7] "sollte", [P8] "sollte"). A
 * recommended obligation may be waived with a recorded reason; parts the FAQ marks "ggfs." may be
 * marked not applicable. The catalog is versioned: a change of nature is a new version.
 */

/**
 * 3: amendment obligations (joining, amendment while active); "ggfs." parts named by their field.
 * 4: signatures of an amended text (OBL-AMENDMENT-SIGNED-ALL); the Zweckverband assembly's two
 *    thirds for amendments and the dissolution, with the dissolution's approval and publication.
 */
export const OBLIGATION_CATALOG_VERSION = 4;

export type ObligationNature =
  | { kind: 'statutory'; basis: string }
  /** Statutory for some legal forms or terms only; `statutoryFor` says when. */
  | { kind: 'conditional'; basis: string; statutoryFor: Bilingual }
  | { kind: 'recommended'; source: string };

export interface ObligationNatureRule {
  id: ObligationId;
  nature: ObligationNature;
  /** A recommended obligation can be waived with a reason (the waiver is a history entry). */
  waivable: boolean;
  /** Why a recommended obligation is still not waivable. */
  notWaivableBecause?: Bilingual;
  /** Parts that may be marked not applicable with a reason ("ggfs." in [P7]). */
  mayBeNotApplicable?: readonly string[];
}

const rec = (id: ObligationId, source: string, extra: Partial<ObligationNatureRule> = {}): ObligationNatureRule => ({
  id,
  nature: { kind: 'recommended', source },
  waivable: true,
  ...extra,
});
const law = (id: ObligationId, basis: string): ObligationNatureRule => ({
  id,
  nature: { kind: 'statutory', basis },
  waivable: false,
});

export const OBLIGATION_NATURE: Readonly<Record<ObligationId, ObligationNatureRule>> = {
  'OBL-PARTNERS-MIN': law('OBL-PARTNERS-MIN', '§ 1 Abs. 1 GkG NRW'),
  'OBL-CONTACT-AUTHORITY': rec('OBL-CONTACT-AUTHORITY', '[P4]', {
    waivable: false,
    notWaivableBecause: {
      de: 'Die Ansprechperson ist die Person, die im System für die Kommune handelt.',
      en: 'The contact is the person who acts for the municipality in the system.',
    },
  }),
  'OBL-LOI-CONTENT': rec('OBL-LOI-CONTENT', '[P6] „Es empfiehlt sich …“'),
  'OBL-SUCCESS-CRITERIA': rec('OBL-SUCCESS-CRITERIA', '[P6]'),
  'OBL-LOI-SIGNED-ALL': rec('OBL-LOI-SIGNED-ALL', '[P6]'),
  'OBL-STEERING-BODY': rec('OBL-STEERING-BODY', '[P8] „sollte“'),
  'OBL-REPORTING-DUTIES': rec('OBL-REPORTING-DUTIES', '[P8] „sollte“'),
  'OBL-CONFLICT-PROCEDURE': rec('OBL-CONFLICT-PROCEDURE', '[P6] „sollte“, „z. B.“'),
  'OBL-EXIT-TERMS': {
    id: 'OBL-EXIT-TERMS',
    nature: {
      kind: 'conditional',
      basis: '§ 23 Abs. 5, § 28 Abs. 1 S. 1 Nr. 6, § 9 Abs. 2 S. 2 Nr. 3 GkG NRW; sonst [P7]',
      statutoryFor: {
        de: 'Öffentlich-rechtliche Vereinbarung unbefristet oder über 20 Jahre: Voraussetzungen und Form der Kündigung; gemeinsames Kommunalunternehmen: Verteilung von Vermögen und Personal beim Austritt; Zweckverband: ein Kündigungsrecht nur zusammen mit dem Auseinandersetzungsverfahren. Alles Übrige ist Empfehlung.',
        en: 'Public-law agreement unlimited or over 20 years: conditions and form of termination; joint municipal enterprise: distribution of assets and staff on exit; Zweckverband: a termination right only with its settlement procedure. Everything else is recommended.',
      },
    },
    waivable: true,
    mayBeNotApplicable: ['vehiclesAndEquipment'],
  },
  'OBL-COUNCIL-RESOLUTION': {
    id: 'OBL-COUNCIL-RESOLUTION',
    nature: {
      kind: 'conditional',
      basis: '§ 41 Abs. 1, § 60 GO NRW; § 26 Abs. 1 KrO NRW; § 27 Abs. 4 GkG NRW',
      statutoryFor: {
        de: 'Alle Rechtsformen außer der kommunalen Arbeitsgemeinschaft; auch als Eil- oder Dringlichkeitsentscheidung (§ 60 GO NRW).',
        en: 'Every legal form except the municipal working group; also as an urgent or emergency decision (§ 60 GO NRW).',
      },
    },
    waivable: false,
  },
  'OBL-SUPERVISORY-STEP': law('OBL-SUPERVISORY-STEP', '§§ 10, 20, 24, 29 GkG NRW; §§ 115, 120 GO NRW'),
  'OBL-CONTRACT-SIGNED-ALL': law('OBL-CONTRACT-SIGNED-ALL', '§ 24 Abs. 1 S. 1 GkG NRW; § 64 GO NRW'),
  'OBL-AMENDMENT-RESOLUTIONS': {
    id: 'OBL-AMENDMENT-RESOLUTIONS',
    nature: {
      kind: 'conditional',
      basis: '§ 41 Abs. 1, § 60 GO NRW; § 26 Abs. 1 KrO NRW; § 20 Abs. 1, § 24 Abs. 1, § 27 Abs. 4 GkG NRW',
      statutoryFor: {
        de: 'Alle Rechtsformen außer der kommunalen Arbeitsgemeinschaft.',
        en: 'Every legal form except the municipal working group.',
      },
    },
    waivable: false,
  },
  'OBL-AMENDMENT-SUPERVISORY-STEP': law(
    'OBL-AMENDMENT-SUPERVISORY-STEP',
    '§§ 10, 20, 24, 29 GkG NRW; §§ 115, 120 GO NRW',
  ),
  'OBL-AMENDMENT-SIGNED-ALL': {
    id: 'OBL-AMENDMENT-SIGNED-ALL',
    nature: {
      kind: 'conditional',
      basis: '§ 24 Abs. 1 S. 1, § 27 Abs. 2 S. 2 GkG NRW; § 64 GO NRW',
      statutoryFor: {
        de: 'Alle Rechtsformen außer dem Zweckverband, dessen Satzung die Verbandsversammlung ändert (§ 20 Abs. 1 GkG NRW).',
        en: 'Every legal form except the Zweckverband, whose statute the assembly amends (§ 20(1) GkG NRW).',
      },
    },
    waivable: false,
  },
  'OBL-REPORT-CRITERIA': rec('OBL-REPORT-CRITERIA', '[P6] „müssen sich … informieren“ (FAQ, kein Gesetz), [P8]'),
  'OBL-EXIT-ULTIMA-RATIO': rec('OBL-EXIT-ULTIMA-RATIO', '[P7] „sollte als ultima ratio“'),
  'OBL-EXIT-PLAN': rec('OBL-EXIT-PLAN', '[P7]', { mayBeNotApplicable: ['vehiclesAndEquipment'] }),
  'OBL-EXIT-FORM-STEP': law(
    'OBL-EXIT-FORM-STEP',
    '§§ 9, 20, 24 Abs. 5, § 28 Abs. 1 S. 1 Nr. 6 GkG NRW; § 115 Abs. 1 GO NRW',
  ),
  'OBL-DISSOLUTION-RESOLUTIONS': {
    id: 'OBL-DISSOLUTION-RESOLUTIONS',
    nature: {
      kind: 'conditional',
      basis: '§ 41 Abs. 1 GO NRW; § 20 Abs. 1 GkG NRW',
      statutoryFor: {
        de: 'Beim Zweckverband beschließt die Verbandsversammlung mit zwei Dritteln (§ 20 Abs. 1 GkG NRW), nicht jeder Rat einstimmig; sonst die Vertretungen der Beteiligten.',
        en: "For a Zweckverband the assembly decides with two thirds (§ 20(1) GkG NRW), not every council unanimously; otherwise the parties' councils.",
      },
    },
    waivable: false,
  },
  'OBL-WINDING-UP': rec('OBL-WINDING-UP', '[P7]; § 20 Abs. 5, § 28 Abs. 1 S. 1 Nr. 6 GkG NRW regeln nur Teile'),
};

export type WaiverError = 'statutory' | 'not-waivable' | 'reason-required' | 'part-not-marked-ggfs';

/** A waiver of a recommended obligation needs a reason; statutory ones cannot be waived. */
export function checkWaiver(id: ObligationId, reason: string): WaiverError | undefined {
  const rule = OBLIGATION_NATURE[id];
  if (rule.nature.kind === 'statutory') return 'statutory';
  if (!rule.waivable) return 'not-waivable';
  return reason.trim() === '' ? 'reason-required' : undefined;
}

/** Marking a part not applicable: only "ggfs." parts, with a reason. */
export function checkNotApplicable(id: ObligationId, part: string, reason: string): WaiverError | undefined {
  if (!(OBLIGATION_NATURE[id].mayBeNotApplicable ?? []).includes(part)) return 'part-not-marked-ggfs';
  return reason.trim() === '' ? 'reason-required' : undefined;
}

/** Whether the notice period is a statutory term for this contract (§ 23 Abs. 5 GkG NRW) or may be "none". */
export function noticePeriodRequired(
  form: LegalFormId,
  term: { start: CalendarDate; end?: CalendarDate },
): { required: boolean; basis: string } {
  if (form !== 'oeffentlich-rechtliche-vereinbarung') return { required: false, basis: '[P7]' };
  return terminationTermsRequired(term);
}
