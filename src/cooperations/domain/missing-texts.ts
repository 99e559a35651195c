import type { CooperationContext } from './cooperation';
import type { Bilingual } from './obligations.catalog';

/*
 * What an obligation's `missing` keys (`signature:05554036`, `supervisoryStep.inForceFrom:2026-08-15`)
 * mean, as a sentence a clerk can act on: the municipality by name and key, dates and authorities as
 * they are. The keys stay the machine-readable contract; these texts are for people.
 */

type Template = (subject: string) => Bilingual;

const TEXTS: Readonly<Record<string, Template>> = {
  loi: () => ({ de: 'Entwurf der Absichtserklärung fehlt', en: 'No letter-of-intent draft yet' }),
  contract: () => ({ de: 'Vertragsentwurf fehlt', en: 'No contract draft yet' }),
  expectations: () => ({ de: 'Erwartungen fehlen', en: 'Expectations missing' }),
  goals: () => ({ de: 'Ziele fehlen', en: 'Goals missing' }),
  successCriterion: () => ({ de: 'Erfolgskriterium fehlt', en: 'Success criterion missing' }),
  steeringBody: () => ({ de: 'Lenkungsgremium fehlt', en: 'Steering body missing' }),
  reportingDuty: () => ({ de: 'Berichtspflicht fehlt', en: 'Reporting duty missing' }),
  acceptedPartner: () => ({
    de: 'Kein Partner hat die Einladung angenommen',
    en: 'No partner has accepted the invitation',
  }),
  amendment: () => ({ de: 'Keine Vertragsänderung offen', en: 'No amendment pending' }),
  'conflictProcedure.levels': () => ({
    de: 'Stufen des Konfliktverfahrens fehlen',
    en: 'Conflict procedure levels missing',
  }),
  exitPlan: () => ({ de: 'Ausstiegsplan fehlt', en: 'Exit plan missing' }),
  'supervisoryStep.approvedOn': () => ({ de: 'Datum der Genehmigung fehlt', en: 'Date of approval missing' }),
  contact: (m) => ({ de: `Ansprechperson ${m} fehlt`, en: `Contact person of ${m} missing` }),
  'contact.authority': (m) => ({
    de: `Vertretungsbefugnis der Ansprechperson ${m} fehlt`,
    en: `Authority of the contact person of ${m} missing`,
  }),
  responsibility: (m) => ({ de: `Verantwortlichkeit ${m} fehlt`, en: `Responsibility of ${m} missing` }),
  resources: (m) => ({ de: `Ressourcen ${m} fehlen`, en: `Resources of ${m} missing` }),
  'resources.time': (m) => ({ de: `Zeitaufwand ${m} fehlt`, en: `Time pledged by ${m} missing` }),
  'resources.personnel': (m) => ({ de: `Personal ${m} fehlt`, en: `Personnel pledged by ${m} missing` }),
  'resources.money': (m) => ({ de: `Finanzmittel ${m} fehlen`, en: `Money pledged by ${m} missing` }),
  signature: (m) => ({ de: `Unterschrift ${m} fehlt`, en: `Signature of ${m} missing` }),
  amendmentSignature: (m) => ({
    de: `Unterschrift ${m} unter die Änderung fehlt`,
    en: `Signature of ${m} under the amendment missing`,
  }),
  councilResolution: (m) => ({ de: `Ratsbeschluss ${m} fehlt`, en: `Council resolution of ${m} missing` }),
  dissolutionResolution: (m) => ({
    de: `Auflösungsbeschluss ${m} fehlt`,
    en: `Dissolution resolution of ${m} missing`,
  }),
  'steeringBody.member': (m) => ({
    de: `Mitglied ${m} im Lenkungsgremium fehlt`,
    en: `Member for ${m} in the steering body missing`,
  }),
  memberNotification: (m) => ({ de: `Anzeige ${m} fehlt`, en: `Notification by ${m} missing` }),
  'supervisoryStep.authority': (a) => ({ de: `zuständig: ${a}`, en: `competent: ${a}` }),
  'supervisoryStep.kind': (k) => ({ de: `Aufsichtsschritt „${k}“ fehlt`, en: `Supervisory step '${k}' missing` }),
  supervisoryStep: (k) => ({ de: `Aufsichtsschritt „${k}“ fehlt`, en: `Supervisory step '${k}' missing` }),
  'supervisoryStep.inForceFrom': (d) => ({ de: `frühestens am ${d} in Kraft`, en: `in force on ${d} at the earliest` }),
  'supervisoryStep.publishedOn': () => ({
    de: 'Bekanntmachung der Genehmigung fehlt',
    en: 'Publication of the approval missing',
  }),
  reportingContent: (c) => ({ de: `Berichtsinhalt „${c}“ fehlt`, en: `Report content '${c}' missing` }),
  value: (c) => ({ de: `Wert für „${c}“ fehlt`, en: `Value for '${c}' missing` }),
};

/** `Legden (05554036)` for a member's key; anything else as it is. */
function subjectOf(value: string, ctx?: Pick<CooperationContext, 'members'>): string {
  const member = ctx?.members[value];
  return member ? `${member.name} (${value})` : value;
}

/** One `missing` key as a sentence; unknown keys read "<key> fehlt" / "<key> missing". */
export function describeMissing(key: string, ctx?: Pick<CooperationContext, 'members'>): Bilingual {
  const colon = key.indexOf(':');
  const [name, value] = colon < 0 ? [key, ''] : [key.slice(0, colon), key.slice(colon + 1)];
  const template = TEXTS[name];
  if (template) return template(subjectOf(value, ctx));
  const subject = value ? `${name} ${subjectOf(value, ctx)}` : name;
  return { de: `${subject} fehlt`, en: `${subject} missing` };
}
