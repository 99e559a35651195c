import type { Facts, Topic } from './notices';

/*
 * The texts of every topic, German first and English second, as templates over the notice's facts
 * (`{name}` is replaced; the cooperation's `title` and its console `link` are always there).
 */

interface Bilingual {
  de: string;
  en: string;
}

export const TEXTS: Readonly<Record<Topic, { subject: Bilingual; body: Bilingual }>> = {
  invitation: {
    subject: { de: 'Einladung zur Kooperation „{title}“', en: 'Invitation to the cooperation “{title}”' },
    body: {
      de: '{lead} lädt {invited} zur interkommunalen Zusammenarbeit „{title}“ ein. Bitte nehmen Sie die Einladung an oder lehnen Sie sie ab.',
      en: '{lead} invites {invited} to the inter-municipal cooperation “{title}”. Please accept or decline the invitation.',
    },
  },
  'signature-requested': {
    subject: { de: 'Unterschrift erbeten: „{title}“', en: 'Signature requested: “{title}”' },
    body: {
      de: 'Fassung {version} ({document}) liegt zur Unterzeichnung vor. Ihre Kommune hat noch nicht unterzeichnet.',
      en: 'Version {version} ({document}) is waiting for signatures. Your municipality has not signed yet.',
    },
  },
  'report-due-soon': {
    subject: { de: 'Bericht {period} fällig am {dueOn}', en: 'Report {period} due on {dueOn}' },
    body: {
      de: 'Der Bericht {period} von {reporter} ist am {dueOn} fällig (in {leadDays} Arbeitstagen).',
      en: 'The report {period} of {reporter} is due on {dueOn} (in {leadDays} working days).',
    },
  },
  'report-overdue': {
    subject: { de: 'Bericht {period} überfällig', en: 'Report {period} overdue' },
    body: {
      de: 'Der Bericht {period} von {reporter} war am {dueOn} fällig und ist nicht eingegangen. Nach Ablauf der Nachfrist wird ein Eskalationsfall eröffnet.',
      en: 'The report {period} of {reporter} was due on {dueOn} and has not come in. When the grace period ends, an escalation case opens.',
    },
  },
  'case-opened': {
    subject: { de: 'Eskalationsfall {caseNumber} eröffnet', en: 'Escalation case {caseNumber} opened' },
    body: {
      de: 'Fall {caseNumber} „{subject}“ (Beteiligte: {parties}) liegt auf Stufe {level}. Frist zur Antwort: {deadlineOn}.',
      en: 'Case {caseNumber} “{subject}” (parties: {parties}) is at level {level}. Response deadline: {deadlineOn}.',
    },
  },
  'case-escalated': {
    subject: {
      de: 'Eskalationsfall {caseNumber} auf Stufe {level}',
      en: 'Escalation case {caseNumber} at level {level}',
    },
    body: {
      de: 'Fall {caseNumber} „{subject}“ (Beteiligte: {parties}) wurde auf Stufe {level} eskaliert. Frist zur Antwort: {deadlineOn}.',
      en: 'Case {caseNumber} “{subject}” (parties: {parties}) was escalated to level {level}. Response deadline: {deadlineOn}.',
    },
  },
  'case-deadline-near': {
    subject: {
      de: 'Frist für Fall {caseNumber} endet am {deadlineOn}',
      en: 'Deadline of case {caseNumber} ends on {deadlineOn}',
    },
    body: {
      de: 'Die Frist der Stufe {level} für Fall {caseNumber} „{subject}“ endet am {deadlineOn} (in {leadDays} Arbeitstagen). Ohne Entscheidung wird der Fall eskaliert.',
      en: 'The level {level} deadline of case {caseNumber} “{subject}” ends on {deadlineOn} (in {leadDays} working days). Without a decision the case escalates.',
    },
  },
  'case-deadline-passed': {
    subject: { de: 'Frist für Fall {caseNumber} abgelaufen', en: 'Deadline of case {caseNumber} passed' },
    body: {
      de: 'Die Frist der Stufe {level} für Fall {caseNumber} „{subject}“ ist am {deadlineOn} abgelaufen.',
      en: 'The level {level} deadline of case {caseNumber} “{subject}” passed on {deadlineOn}.',
    },
  },
  'case-closed': {
    subject: { de: 'Eskalationsfall {caseNumber} abgeschlossen', en: 'Escalation case {caseNumber} closed' },
    body: {
      de: 'Fall {caseNumber} „{subject}“ ist auf Stufe {level} abgeschlossen.',
      en: 'Case {caseNumber} “{subject}” was closed at level {level}.',
    },
  },
  'exit-requested': {
    subject: { de: '{municipality} kündigt die Mitgliedschaft', en: '{municipality} gives notice of exit' },
    body: {
      de: '{municipality} hat den Austritt aus „{title}“ erklärt; die Mitgliedschaft endet mit Ablauf des {effectiveOn}.',
      en: '{municipality} has given notice of exit from “{title}”; the membership ends at the end of {effectiveOn}.',
    },
  },
  'exit-takes-effect': {
    subject: { de: 'Austritt von {municipality} zum {effectiveOn}', en: 'Exit of {municipality} on {effectiveOn}' },
    body: {
      de: 'Die Kündigungsfrist von {municipality} endet am {effectiveOn} (in {leadDays} Arbeitstagen).',
      en: 'The notice period of {municipality} ends on {effectiveOn} (in {leadDays} working days).',
    },
  },
  'member-left': {
    subject: { de: '{municipality} ist ausgeschieden', en: '{municipality} has left' },
    body: {
      de: 'Die Kündigungsfrist ist abgelaufen: {municipality} ist aus „{title}“ ausgeschieden.',
      en: 'The notice period has ended: {municipality} has left “{title}”.',
    },
  },
  'deemed-approval-soon': {
    subject: {
      de: 'Genehmigung gilt ab {fictionOn} als erteilt',
      en: 'Approval deemed given from {fictionOn}',
    },
    body: {
      de: 'Für den Genehmigungsantrag {act} (eingegangen am {submittedOn}) endet die Frist der Aufsichtsbehörde am {lastDayOn} (in {leadDays} Arbeitstagen). Entscheidet sie bis dahin nicht, gilt die Genehmigung ab {fictionOn} als erteilt (§ 24 Abs. 2 bzw. § 10 Abs. 1 GkG NRW).',
      en: "The supervisory authority's period for the application for approval of {actEn} (received on {submittedOn}) ends on {lastDayOn} (in {leadDays} working days). Without a decision by then, approval is deemed given from {fictionOn} (§ 24(2) or § 10(1) GkG NRW).",
    },
  },
  'term-ends-soon': {
    subject: { de: 'Laufzeit von „{title}“ endet am {endOn}', en: 'The term of “{title}” ends on {endOn}' },
    body: {
      de: 'Die vereinbarte Laufzeit endet am {endOn} (in {leadDays} Arbeitstagen); danach wird die Kooperation abgewickelt. Eine Verlängerung braucht eine Änderung, die vorher in Kraft tritt.',
      en: 'The agreed term ends on {endOn} (in {leadDays} working days); the cooperation is then wound up. An extension needs an amendment in force before then.',
    },
  },
  'dissolution-proposed': {
    subject: { de: 'Auflösung von „{title}“ vorgeschlagen', en: 'Dissolution of “{title}” proposed' },
    body: {
      de: 'Die Auflösung wurde vorgeschlagen ({reason}). Jede Kommune beschließt darüber in ihrem Rat.',
      en: 'Dissolution has been proposed ({reason}). Each municipality decides in its council.',
    },
  },
};

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const fill = (template: string, facts: Facts): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => facts[key] ?? whole);

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The e-mail of a notice: German, then English; plain text and HTML with the link to the console page. */
export function renderMail(topic: Topic, facts: Facts & { title: string; link: string }): RenderedMail {
  const t = TEXTS[topic];
  const de = fill(t.body.de, facts);
  const en = fill(t.body.en, facts);
  const subject = `${fill(t.subject.de, facts)} / ${fill(t.subject.en, facts)}`;
  const text = `${de}\n\nZur Kooperation: ${facts.link}\n\n---\n\n${en}\n\nOpen the cooperation: ${facts.link}\n`;
  const link = escapeHtml(facts.link);
  const html =
    `<!doctype html><html lang="de"><body>` +
    `<p>${escapeHtml(de)}</p><p><a href="${link}">Zur Kooperation</a></p><hr>` +
    `<p lang="en">${escapeHtml(en)}</p><p lang="en"><a href="${link}">Open the cooperation</a></p>` +
    `</body></html>`;
  return { subject, text, html };
}
