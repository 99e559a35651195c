import { TimerScheduler } from '../src/cooperations';
import { addWorkingDays, startOfDayInGermany } from '../src/cooperations/domain';
import { NotificationDispatcher } from '../src/notifications/application/notification-dispatcher';
import {
  buildingYardSteps,
  CONTRACT_DRAFT,
  COORD_HEEK,
  EXPECTED_AUTHORITY,
  HEEK,
  LEGDEN,
  OPENING,
  SCHOEPPINGEN,
} from './fixtures/building-yard.scenario';
import { BuildingYard } from './support/building-yard';
import { type ReceivedMail, startSmtpServer } from './support/notification-receivers';
import { ADMIN, createTestApp, type TestApp } from './support/test-app';

const DESKS = {
  [HEEK.ags]: 'ikz@heek.example',
  [LEGDEN.ags]: 'ikz@legden.example',
  [SCHOEPPINGEN.ags]: 'ikz@schoeppingen.example',
};

/**
 * Issue 16's reminders "a deemed approval about to take effect" and "a term about to end" → all
 * partners, at the lead times (14 and 3 NRW working days) before the deadline's last day, on a
 * moving clock, with a real SMTP server. A reminder whose premise changed moves or goes.
 */
describe('reminders before a deemed approval and before the end of the term, to every partner', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url });
    const admin = `Bearer ${await t.token(ADMIN)}`;
    for (const [ags, email] of Object.entries(DESKS)) {
      const res = await t.http
        .post(`/api/v1/municipalities/${ags}/notification-addresses`)
        .set('Authorization', admin)
        .send({ email, role: 'coordinator' });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  /** Moves the clock through every timer and unsent reminder of `yard` up to `until`. */
  async function advanceTo(yard: BuildingYard, until: Date): Promise<void> {
    for (;;) {
      const [{ next }] = await t.dataSource.query<Array<{ next: Date | null }>>(
        `SELECT least((SELECT min(due_at) FROM cooperation_timers WHERE cooperation_id = $1),
                      (SELECT min(remind_at) FROM notification_reminders
                        WHERE cooperation_id = $1 AND sent_at IS NULL)) AS next`,
        [yard.id],
      );
      if (!next || new Date(next) > until) break;
      yard.at(new Date(next));
      await t.app.get(TimerScheduler).fireDueTimers();
      await t.app.get(NotificationDispatcher).drain();
    }
    yard.at(until);
  }

  const mailsAbout = (address: string, subject: string): ReceivedMail[] =>
    smtp.mails.filter((m) => m.to.includes(address) && m.subject.includes(subject));

  it('§ 24 Abs. 2 GkG NRW: the partners are told 14 and 3 working days before the fiction; concerns move it, a decision ends it', async () => {
    const yard = new BuildingYard(t);
    await yard.runUntil('supervisory-step');
    const submit = (extra: object = {}) =>
      yard.send(COORD_HEEK, {
        type: 'RECORD_SUPERVISORY_STEP',
        kind: 'approval',
        authority: EXPECTED_AUTHORITY,
        submittedOn: '2026-07-06',
        ...extra,
      });
    yard.at(new Date('2026-07-06T10:00:00Z'));
    expect((await submit()).status).toBe(200);
    // Received Monday 6 July: four weeks end Monday 3 August, approval deemed from 4 August.
    await advanceTo(yard, new Date('2026-07-20T10:00:00Z'));
    for (const address of Object.values(DESKS)) {
      const first = mailsAbout(address, 'Genehmigung gilt ab 2026-08-04');
      expect(first).toHaveLength(1);
      expect(first[0].text).toContain('endet die Frist der Aufsichtsbehörde am 2026-08-03 (in 14 Arbeitstagen)');
      expect(first[0].text).toContain('approval is deemed given from 2026-08-04');
    }
    // Concerns within the four weeks: the fiction moves to the end of the further four weeks.
    expect((await submit({ objectedOn: '2026-07-20' })).status).toBe(200);
    await advanceTo(yard, new Date('2026-08-20T10:00:00Z'));
    for (const address of Object.values(DESKS)) {
      expect(mailsAbout(address, 'Genehmigung gilt ab 2026-08-04')).toHaveLength(1);
      expect(
        mailsAbout(address, 'Genehmigung gilt ab 2026-09-01').map((m) => /in (\d+) Arbeitstagen/.exec(m.text)?.[1]),
      ).toEqual(['14']);
    }
    // The express approval ends it: the 3-day reminder is never sent.
    expect((await submit({ objectedOn: '2026-07-20', approvedOn: '2026-08-20' })).status).toBe(200);
    await advanceTo(yard, new Date('2026-09-02T10:00:00Z'));
    for (const address of Object.values(DESKS)) {
      expect(mailsAbout(address, 'Genehmigung gilt ab 2026-09-01')).toHaveLength(1);
    }
    const [{ count }] = await t.dataSource.query<Array<{ count: string }>>(
      `SELECT count(*) FROM notification_reminders WHERE cooperation_id = $1 AND timer_key LIKE 'deemed-approval:%'`,
      [yard.id],
    );
    // The two sent (14 days before 3 August and before 31 August) stay as the record; the moot ones went.
    expect(Number(count)).toBe(2);
  });

  it('a term about to end: every partner is told 14 and 3 working days before its last day', async () => {
    const fixedTerm = () =>
      buildingYardSteps().map((s) =>
        s.event.type === 'DRAFT_CONTRACT'
          ? { ...s, event: { ...CONTRACT_DRAFT, term: { start: '2027-01-01', end: '2027-03-31' } } }
          : s,
      );
    const yard = new BuildingYard(t, { opening: OPENING, steps: fixedTerm });
    await yard.runUntil();
    await advanceTo(yard, new Date('2027-04-02T10:00:00Z'));
    const sent = await t.dataSource.query<Array<{ remind_at: Date; lead_days: number }>>(
      `SELECT remind_at, lead_days FROM notification_reminders
        WHERE cooperation_id = $1 AND timer_key = 'term-end' AND sent_at IS NOT NULL ORDER BY remind_at`,
      [yard.id],
    );
    expect(sent.map((r) => [new Date(r.remind_at).toISOString(), r.lead_days])).toEqual([
      [startOfDayInGermany(addWorkingDays('2027-03-31', -14)).toISOString(), 14],
      [startOfDayInGermany(addWorkingDays('2027-03-31', -3)).toISOString(), 3],
    ]);
    for (const address of Object.values(DESKS)) {
      const mails = mailsAbout(address, 'endet am 2027-03-31');
      expect(mails.map((m) => /in (\d+) Arbeitstagen/.exec(m.text)?.[1])).toEqual(['14', '3']);
      const title = OPENING.input.title;
      expect(mails[0].subject).toBe(
        `Laufzeit von „${title}“ endet am 2027-03-31 / The term of “${title}” ends on 2027-03-31`,
      );
    }
  });
});
