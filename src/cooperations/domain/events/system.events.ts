import { about, ags, event, type Infer, instant, int, text } from '../schema';
import { caseId } from './operation.events';

// Durable timers fire these (actor role 'system' only); they never come through HTTP.

const period = about(text(40), 'Berichtszeitraum', 'Reporting period');
const dueAt = about(
  instant,
  'Fälligkeitszeitpunkt des Timers: kennzeichnet ihn; ein Auslösen für einen anderen Zeitpunkt ist veraltet',
  "The timer's due instant: identifies the timer; a firing for another instant is stale",
);

/** The due date of a reporting period has passed (`report-due:<reporter>:<period>`). */
export const reportDue = event(
  'REPORT_DUE',
  { reporter: ags, period, dueAt },
  'Der Fälligkeitstag eines Berichtszeitraums ist verstrichen.',
  'The due date of a reporting period has passed.',
);

/** The grace period after the due date has passed (`report-grace:<reporter>:<period>`). */
export const reportGraceExpired = event(
  'REPORT_GRACE_EXPIRED',
  { reporter: ags, period, dueAt },
  'Die Nachfrist nach dem Fälligkeitstag ist verstrichen.',
  'The grace period after the due date has passed.',
);

/** The body at `level` (1-based) missed its response deadline (`case-deadline:<caseId>:<level>`). */
export const caseDeadlinePassed = event(
  'CASE_DEADLINE_PASSED',
  { caseId, level: about(int({ min: 1, max: 100 }), 'Stufe (ab 1)', 'Level (1-based)'), dueAt },
  'Das Gremium einer Stufe hat seine Antwortfrist versäumt.',
  'The body at a level missed its response deadline.',
);

/** The notice period of `municipality`'s exit has ended (`notice-end:<ags>`). */
export const noticePeriodEnded = event(
  'NOTICE_PERIOD_ENDED',
  { municipality: ags, dueAt },
  'Die Kündigungsfrist einer Kommune ist abgelaufen.',
  "The notice period of a municipality's exit has ended.",
);

/** The fixed term of the contract in force has run out (`term-end`). */
export const termEnded = event(
  'TERM_ENDED',
  { dueAt },
  'Die vereinbarte Laufzeit ist abgelaufen; die Kooperation endet.',
  'The agreed term has run out; the cooperation ends.',
);

export type ReportDue = Infer<typeof reportDue>;
export type ReportGraceExpired = Infer<typeof reportGraceExpired>;
export type CaseDeadlinePassed = Infer<typeof caseDeadlinePassed>;
export type NoticePeriodEnded = Infer<typeof noticePeriodEnded>;
export type TermEnded = Infer<typeof termEnded>;
export type SystemEvent = ReportDue | ReportGraceExpired | CaseDeadlinePassed | NoticePeriodEnded | TermEnded;
export const SYSTEM_EVENT_TYPES = [
  'REPORT_DUE',
  'REPORT_GRACE_EXPIRED',
  'CASE_DEADLINE_PASSED',
  'NOTICE_PERIOD_ENDED',
  'TERM_ENDED',
] as const satisfies readonly SystemEvent['type'][];
