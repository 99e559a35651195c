import type { CooperationContext } from '../../cooperations/domain';
import { noticesFor } from './notices';
import { renderMail } from './texts';

const HEEK = '05554024';
const LEGDEN = '05554036';

const ctx = {
  title: 'Gemeinsamer Bauhof',
  lead: HEEK,
  members: {
    [HEEK]: { ags: HEEK, name: 'Heek', status: 'active' },
    [LEGDEN]: { ags: LEGDEN, name: 'Legden', status: 'active' },
  },
  contacts: { [HEEK]: { personRef: 'p-heek' } },
  governance: { steeringBody: { members: [{ municipality: HEEK }] } },
  loi: { versions: [{}], signatures: [{ municipality: HEEK, version: 1 }] },
  reporting: {
    reports: [],
    missed: [{ reporter: HEEK, period: '2030-Q2', dueOn: '2030-06-30', escalationCaseId: null }],
  },
  escalation: {
    cases: [
      { id: 'c1', number: 1, subject: 'Bericht', parties: [HEEK], level: 2, status: 'open', deadlineOn: '2030-09-02' },
    ],
  },
  membership: { exitRequests: [] },
  timers: {},
} as unknown as CooperationContext;

describe('who is told what', () => {
  it('an invitation goes to the invited municipality’s coordinators', () => {
    const [n] = noticesFor({ eventType: 'INVITE_PARTNER', payload: { municipality: { ags: LEGDEN } } }, ctx);
    expect(n).toMatchObject({ topic: 'invitation', recipients: [{ municipality: LEGDEN, role: 'coordinator' }] });
  });

  it('a draft waiting for signatures goes to the contacts who have not signed', () => {
    const contacts = {
      ...ctx.contacts,
      [LEGDEN]: { personRef: 'p-legden' },
    } as unknown as CooperationContext['contacts'];
    const [n] = noticesFor({ eventType: 'DRAFT_LOI', payload: {} }, { ...ctx, contacts });
    expect(n.recipients).toEqual([{ municipality: LEGDEN, role: 'contact', personRef: 'p-legden' }]);
  });

  it('an overdue report goes to the reporter: its coordinators and its contact', () => {
    const [n] = noticesFor({ eventType: 'REPORT_DUE', payload: { reporter: HEEK, period: '2030-Q2' } }, ctx);
    expect(n.topic).toBe('report-overdue');
    expect(n.recipients).toEqual([
      { municipality: HEEK, role: 'coordinator' },
      { municipality: HEEK, role: 'contact', personRef: 'p-heek' },
    ]);
  });

  it('an escalated case goes to the body of its new level (every partner above level 1) and the parties', () => {
    const [n] = noticesFor({ eventType: 'ESCALATE_CASE', payload: { caseId: 'c1' } }, ctx);
    expect(n.topic).toBe('case-escalated');
    expect(n.recipients.filter((r) => r.role === 'steering-board').map((r) => r.municipality)).toEqual([HEEK, LEGDEN]);
    expect(n.facts).toMatchObject({ level: '2', caseNumber: '1' });
  });

  it('a level-1 deadline passing escalates; the texts say so', () => {
    const [n] = noticesFor({ eventType: 'CASE_DEADLINE_PASSED', payload: { caseId: 'c1', level: 1 } }, ctx);
    expect(n.topic).toBe('case-escalated');
  });

  it('a no-op timer firing and an event without a rule tell nobody', () => {
    expect(noticesFor({ eventType: 'REPORT_DUE', payload: { reporter: HEEK, period: '2030-Q2' } }, ctx, true)).toEqual(
      [],
    );
    expect(noticesFor({ eventType: 'APPOINT_CONTACT', payload: {} }, ctx)).toEqual([]);
  });

  it('renders German first, English second, with the console link in both bodies and escaped HTML', () => {
    const mail = renderMail('report-overdue', {
      title: 'Bauhof <Heek>',
      link: 'https://konsole.example/cooperations/x',
      reporter: 'Heek',
      period: '2030-Q2',
      dueOn: '2030-06-30',
    });
    expect(mail.subject).toBe('Bericht 2030-Q2 überfällig / Report 2030-Q2 overdue');
    expect(mail.text.indexOf('Der Bericht')).toBeLessThan(mail.text.indexOf('The report'));
    expect(mail.text.match(/https:\/\/konsole\.example\/cooperations\/x/g)).toHaveLength(2);
    expect(mail.html).toContain('<a href="https://konsole.example/cooperations/x">');
  });
});
