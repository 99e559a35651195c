import {
  bodyMunicipalities,
  type CooperationContext,
  type EscalationCase,
  findCase,
  participants,
} from '../../cooperations/domain';

/*
 * Who is told what (docs/notifications.md), as data: each accepted event and each reminder names
 * a topic, the recipients by municipality and role, and the facts its texts speak of. Pure: the
 * outbox writer calls it in the command's transaction with the state the event left behind.
 */

/** The state an event left behind, as the rules read it. */
export type NotifiedContext = CooperationContext;

/** What a notification is about; each has its German and English text (`texts.ts`). */
export const TOPICS = [
  'invitation',
  'signature-requested',
  'report-due-soon',
  'report-overdue',
  'case-opened',
  'case-escalated',
  'case-deadline-near',
  'case-deadline-passed',
  'case-closed',
  'exit-requested',
  'exit-takes-effect',
  'member-left',
  'dissolution-proposed',
  'deemed-approval-soon',
  'term-ends-soon',
] as const;
export type Topic = (typeof TOPICS)[number];

/**
 * Recipients by role: `coordinator` and `steering-board` are the notification addresses a
 * municipality registers for that role; `contact` is the contact person it appointed in the cooperation.
 */
export type RecipientRole = 'coordinator' | 'steering-board' | 'contact';

export interface Recipient {
  municipality: string;
  role: RecipientRole;
  /** For `contact`: the personal data record of the contact (its `personRef`). */
  personRef?: string;
}

/** What the texts speak of; every value is plain text. */
export type Facts = Record<string, string>;

export interface Notice {
  topic: Topic;
  recipients: Recipient[];
  facts: Facts;
}

/** The event as the history records it: type and payload (the fields besides `type`). */
export interface RecordedEvent {
  eventType: string;
  payload: unknown;
}

type Payload = Record<string, unknown>;
type Rule = (ctx: CooperationContext, payload: Payload) => Notice[];

/** Names of the cooperation's municipalities, for the texts. */
export function nameOf(ctx: CooperationContext, ags: string): string {
  return ctx.members[ags]?.name ?? ags;
}

const activePartners = (ctx: CooperationContext): string[] =>
  participants(ctx)
    .filter((m) => m.status === 'active')
    .map((m) => m.ags);

/** The coordinators' addresses and the appointed contact of each municipality. */
export function coordinatorsOf(ctx: CooperationContext, municipalities: readonly string[]): Recipient[] {
  return municipalities.flatMap((municipality) => {
    const personRef = (ctx.contacts[municipality] as { personRef?: string } | undefined)?.personRef;
    const contact: Recipient[] = personRef ? [{ municipality, role: 'contact', personRef }] : [];
    return [{ municipality, role: 'coordinator' as const }, ...contact];
  });
}

/** The body at the case's current level (its board members' addresses) and the parties' coordinators. */
export function caseAudience(ctx: CooperationContext, c: EscalationCase): Recipient[] {
  const body = bodyMunicipalities(ctx, c.level).map((municipality) => ({
    municipality,
    role: 'steering-board' as const,
  }));
  return [...body, ...coordinatorsOf(ctx, c.parties)];
}

export function caseFacts(ctx: CooperationContext, c: EscalationCase): Facts {
  return {
    caseNumber: String(c.number),
    subject: c.subject,
    level: String(c.level),
    deadlineOn: c.deadlineOn,
    parties: c.parties.map((a) => nameOf(ctx, a)).join(', '),
  };
}

const caseNotice = (topic: Topic, ctx: CooperationContext, c: EscalationCase | undefined): Notice[] =>
  c ? [{ topic, recipients: caseAudience(ctx, c), facts: caseFacts(ctx, c) }] : [];

const toPartners = (topic: Topic, facts: (ctx: CooperationContext, p: Payload) => Facts): Rule => {
  return (ctx, p) => [{ topic, recipients: coordinatorsOf(ctx, activePartners(ctx)), facts: facts(ctx, p) }];
};

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Members who have not signed the current draft yet get a request to sign (their contacts). */
function signatureRequests(document: 'loi' | 'contract'): Rule {
  return (ctx) => {
    const part = document === 'loi' ? ctx.loi : ctx.contract;
    const version = part.versions.length;
    const signed = new Set(part.signatures.filter((s) => s.version === version).map((s) => s.municipality));
    const unsigned = activePartners(ctx).filter((ags) => !signed.has(ags));
    const recipients = coordinatorsOf(ctx, unsigned).filter((r) => r.role === 'contact');
    return recipients.length === 0
      ? []
      : [{ topic: 'signature-requested', recipients, facts: { document, version: String(version) } }];
  };
}

/** The rules, by event type. An event without a rule tells nobody by e-mail (webhooks get every event). */
export const NOTICE_RULES: Readonly<Record<string, Rule>> = {
  INVITE_PARTNER: (ctx, p) => {
    const ags = str((p.municipality as { ags?: string } | undefined)?.ags ?? p.municipality);
    return [
      {
        topic: 'invitation',
        recipients: [{ municipality: ags, role: 'coordinator' }],
        facts: { invited: nameOf(ctx, ags), lead: nameOf(ctx, ctx.lead) },
      },
    ];
  },
  DRAFT_LOI: signatureRequests('loi'),
  DRAFT_CONTRACT: signatureRequests('contract'),
  REPORT_DUE: (ctx, p) => {
    const reporter = str(p.reporter);
    const period = str(p.period);
    if (ctx.reporting.reports.some((r) => r.reporter === reporter && r.period === period)) return [];
    const missed = ctx.reporting.missed.find((m) => m.reporter === reporter && m.period === period);
    return [
      {
        topic: 'report-overdue',
        recipients: coordinatorsOf(ctx, [reporter]),
        facts: { reporter: nameOf(ctx, reporter), period, dueOn: missed?.dueOn ?? '' },
      },
    ];
  },
  REPORT_GRACE_EXPIRED: (ctx, p) => {
    const missed = ctx.reporting.missed.find((m) => m.reporter === p.reporter && m.period === p.period);
    return caseNotice(
      'case-opened',
      ctx,
      missed?.escalationCaseId ? findCase(ctx, missed.escalationCaseId) : undefined,
    );
  },
  RAISE_CONFLICT: (ctx) => caseNotice('case-opened', ctx, ctx.escalation.cases.at(-1)),
  ESCALATE_CASE: (ctx, p) => caseNotice('case-escalated', ctx, findCase(ctx, str(p.caseId))),
  CASE_DEADLINE_PASSED: (ctx, p) => {
    const c = findCase(ctx, str(p.caseId));
    // The deadline of the last level ends nothing by itself; a lower level's escalates the case.
    const escalated = c !== undefined && c.level > Number(p.level);
    return caseNotice(escalated ? 'case-escalated' : 'case-deadline-passed', ctx, c);
  },
  RESOLVE_CASE: (ctx, p) => caseNotice('case-closed', ctx, findCase(ctx, str(p.caseId))),
  DECLARE_CASE_FAILED: (ctx, p) => caseNotice('case-closed', ctx, findCase(ctx, str(p.caseId))),
  REQUEST_EXIT: toPartners('exit-requested', (ctx) => {
    // The request just recorded is the last one (the requesting municipality is the actor's).
    const request = ctx.membership.exitRequests.at(-1);
    return { municipality: request ? nameOf(ctx, request.municipality) : '', effectiveOn: request?.effectiveOn ?? '' };
  }),
  NOTICE_PERIOD_ENDED: (ctx, p) => {
    const ags = str(p.municipality);
    const recipients = coordinatorsOf(ctx, [...activePartners(ctx), ags]);
    return [{ topic: 'member-left', recipients, facts: { municipality: nameOf(ctx, ags) } }];
  },
  PROPOSE_DISSOLUTION: toPartners('dissolution-proposed', (_ctx, p) => ({ reason: str(p.reason) })),
};

/** The notices of an accepted event, given the state it left behind. A no-op timer firing tells nobody. */
export function noticesFor(event: RecordedEvent, ctx: CooperationContext, noop = false): Notice[] {
  const rule = NOTICE_RULES[event.eventType];
  if (!rule || noop) return [];
  return rule(ctx, (event.payload ?? {}) as Payload).filter((n) => n.recipients.length > 0);
}
