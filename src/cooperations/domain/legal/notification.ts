import type { CalendarDate } from '../calendar';
import type { Ags, MunicipalityRef } from '../municipality';
import { type Authority, isAuthority, ownSupervisoryAuthority } from './authorities';
import { latestDayBefore, type Period } from './periods';
import { type Bilingual, type LegalRule, ruleOn, TEXT_DATES } from './rule';

/*
 * § 115 Abs. 1 GO NRW: decisions of the municipality on founding, joining, changing or selling a
 * company (a–h) "sind der Aufsichtsbehörde unverzüglich, spätestens sechs Wochen vor Beginn des
 * Vollzugs anzuzeigen … Die Aufsichtsbehörde kann im Einzelfall aus besonderem Grund die Frist
 * verkürzen, verlängern oder ergänzende Unterlagen verlangen." Each municipality notifies its own
 * authority (§ 120 Abs. 1–2 GO NRW; a Kreis the Bezirksregierung, § 57 Abs. 1 KrO NRW): one step
 * per member, counted back from the start of execution.
 */

export interface NotificationRule extends LegalRule {
  period: Period;
}

export const NOTIFICATION_RULES: readonly NotificationRule[] = [
  {
    id: 'GO-115-1',
    citation: '§ 115 Abs. 1 GO NRW',
    period: { amount: 6, unit: 'weeks' },
    effectiveFrom: TEXT_DATES.GO,
    effectiveFromConfirmed: false,
    certainty: 'reading',
    reading: {
      de: 'Frist rückwärts ab Beginn des Vollzugs (§§ 187, 188 BGB entsprechend, keine Werktagsverschiebung). „Unverzüglich“ bleibt daneben eine eigene Pflicht, die das System nicht prüfen kann. Die Aufsichtsbehörde jedes Mitglieds kann dessen Frist verkürzen oder verlängern; maßgeblich ist dann die von ihr gesetzte Frist.',
      en: 'Period counted back from the start of execution (§§ 187, 188 BGB by analogy, no working-day shift). "Without delay" remains a duty of its own that the system cannot check. Each member\'s authority may shorten or extend that member\'s period; the period it set then applies.',
    },
  },
];

export function notificationRule(on: CalendarDate): NotificationRule | undefined {
  return ruleOn(NOTIFICATION_RULES, on, () => true);
}

/** One member's notification as recorded. */
export interface MemberNotification {
  ags: Ags;
  /** Name or id of the authority notified, as recorded. */
  authority: string;
  submittedOn: CalendarDate;
  /** The authority's decision to shorten or extend the period (§ 115 Abs. 1 S. 3 GO NRW). */
  periodSetByAuthority?: { period: Period; decidedOn: CalendarDate; reference: string };
}

export interface MemberNotificationStatus {
  ags: Ags;
  authority: Authority;
  /** Last day on which the notification is in time. */
  latestOn: CalendarDate;
  period: Period;
  periodBasis: string;
  state: 'missing' | 'in-time' | 'late' | 'wrong-authority';
}

export interface NotificationPlan {
  rule: NotificationRule;
  members: MemberNotificationStatus[];
  /** True when every member notified its own authority in time. */
  complete: boolean;
  warnings: Bilingual[];
}

/** Per-member status of the § 115 notifications before execution starts on `executionStartsOn`. */
export function notificationPlan(
  rule: NotificationRule,
  members: readonly MunicipalityRef[],
  executionStartsOn: CalendarDate,
  recorded: readonly MemberNotification[],
): NotificationPlan {
  const statuses = members.map((m): MemberNotificationStatus => {
    const authority = ownSupervisoryAuthority(m);
    const n = recorded.findLast((r) => r.ags === m.ags);
    const period = n?.periodSetByAuthority?.period ?? rule.period;
    const periodBasis = n?.periodSetByAuthority
      ? `${rule.citation} S. 3 (${authority.names.de}, ${n.periodSetByAuthority.decidedOn}, ${n.periodSetByAuthority.reference})`
      : `${rule.citation} S. 1`;
    const latestOn = latestDayBefore(executionStartsOn, period);
    const base = { ags: m.ags, authority, latestOn, period, periodBasis };
    if (!n) return { ...base, state: 'missing' };
    if (!isAuthority(n.authority, authority)) return { ...base, state: 'wrong-authority' };
    return { ...base, state: n.submittedOn <= latestOn ? 'in-time' : 'late' };
  });
  return { rule, members: statuses, complete: statuses.every((s) => s.state === 'in-time'), warnings: [] };
}
