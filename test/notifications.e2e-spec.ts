import { Webhook } from 'standardwebhooks';
import { TimerScheduler } from '../src/cooperations';
import { addWorkingDays, startOfDayInGermany } from '../src/cooperations/domain';
import { chainEntry, type HistoryEntry } from '../src/history';
import { NotificationDispatcher } from '../src/notifications/application/notification-dispatcher';
import { transitionEventId } from '../src/notifications/domain/cloud-event';
import { COORD_HEEK, HEEK, LEGDEN } from './fixtures/building-yard.scenario';
import { operationPhaseStory } from './fixtures/operation-phase.scenario';
import { BuildingYard, toBody } from './support/building-yard';
import { type ReceivedMail, startSmtpServer, startWebhookReceiver } from './support/notification-receivers';
import { ADMIN, coordinatorOf, createTestApp, type TestApp } from './support/test-app';

const CONSOLE_URL = 'https://konsole.ikz.example';
const HEEK_DESK = 'bauhof@heek.example';
const HEEK_CONTACT = 'coord-heek@example.org';
const LEGDEN_BOARD = 'lenkung@legden.example';

/**
 * Issue 16's acceptance over HTTP with a moving clock: the building yard runs from 2026 to its
 * dissolution; timers fire and the dispatcher delivers at each deadline and reminder instant.
 * E-mail goes to a real SMTP server, webhooks to a real HTTP receiver on 127.0.0.1 that verifies
 * the Standard Webhooks signature and de-duplicates by id.
 */
describe('notifications: e-mail reminders, escalations and signed webhooks on a moving clock', () => {
  let t: TestApp;
  let yard: BuildingYard;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let dispatcher: NotificationDispatcher;
  let admin = '';

  beforeAll(async () => {
    smtp = await startSmtpServer();
    hook = await startWebhookReceiver();
    t = await createTestApp({ SMTP_URL: smtp.url, CONSOLE_URL });
    dispatcher = t.app.get(NotificationDispatcher);
    admin = await t.token(ADMIN);
    for (const [ags, email, role] of [
      [HEEK.ags, HEEK_DESK, 'coordinator'],
      [LEGDEN.ags, LEGDEN_BOARD, 'steering-board'],
    ]) {
      const res = await t.http
        .post(`/api/v1/municipalities/${ags}/notification-addresses`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ email, role });
      expect(res.status).toBe(201);
    }
    const sub = await t.http
      .post('/api/v1/webhook-subscriptions')
      .set('Authorization', `Bearer ${await t.token(coordinatorOf(HEEK.ags, COORD_HEEK.sub))}`)
      .send({ url: hook.url });
    expect(sub.status).toBe(201);
    expect(sub.body).toMatchObject({ municipality: HEEK.ags, url: hook.url, secret: expect.stringMatching(/^whsec_/) });
    hook.useSecret(sub.body.secret);
    yard = new BuildingYard(t);
    await yard.runUntil();
    await dispatcher.drain();
    await runStory();
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    await hook.close();
  });

  /** The next instant something is due for the yard: a timer or an unsent reminder. */
  async function nextDue(): Promise<Date | null> {
    const [{ next }] = await t.dataSource.query<Array<{ next: Date | null }>>(
      `SELECT least((SELECT min(due_at) FROM cooperation_timers WHERE cooperation_id = $1),
                    (SELECT min(remind_at) FROM notification_reminders WHERE cooperation_id = $1 AND sent_at IS NULL)) AS next`,
      [yard.id],
    );
    return next ? new Date(next) : null;
  }

  async function advanceTo(until: Date): Promise<void> {
    for (let next = await nextDue(); next && next <= until; next = await nextDue()) {
      yard.at(next);
      await t.app.get(TimerScheduler).fireDueTimers();
      await dispatcher.drain();
    }
    yard.at(until);
  }

  async function runStory(): Promise<void> {
    for (const step of operationPhaseStory(yard.id)) {
      await advanceTo(step.at);
      if (step.kind === 'checkpoint') continue;
      const res = await yard.send(step.actor, toBody(step.event));
      if (step.kind === 'send') {
        expect({ step: step.name, status: res.status }).toEqual({ step: step.name, status: 200 });
      }
      await dispatcher.drain();
    }
  }

  const mailsTo = (address: string, about?: string): ReceivedMail[] =>
    smtp.mails.filter((m) => m.to.includes(address) && (!about || m.subject.includes(about)));

  it('the reporter gets one e-mail 14 and 3 working days before a due report, and one when it is overdue', async () => {
    for (const address of [HEEK_DESK, HEEK_CONTACT]) {
      const q2 = mailsTo(address, '2030-Q2');
      expect(q2.map((m) => m.subject)).toEqual([
        'Bericht 2030-Q2 fällig am 2030-06-30 / Report 2030-Q2 due on 2030-06-30',
        'Bericht 2030-Q2 fällig am 2030-06-30 / Report 2030-Q2 due on 2030-06-30',
        'Bericht 2030-Q2 überfällig / Report 2030-Q2 overdue',
      ]);
      expect(q2[0].text).toContain('in 14 Arbeitstagen');
      expect(q2[1].text).toContain('in 3 Arbeitstagen');
      for (const m of q2) {
        expect(m.text).toContain(`${CONSOLE_URL}/cooperations/${yard.id}`);
        expect(m.html).toContain(`href="${CONSOLE_URL}/cooperations/${yard.id}"`);
      }
      // 2027-Q1 came in on 20 March, after the 14-day reminder: the 3-day one was moot and not sent.
      expect(mailsTo(address, '2027-Q1').map((m) => /in (\d+) Arbeitstagen/.exec(m.text)?.[1])).toEqual(['14']);
      // No reminder twice, and no other period overdue.
      const reminders = mailsTo(address, 'fällig am').map(
        (m) => `${m.subject} ${/in \d+ Arbeitstagen/.exec(m.text)?.[0]}`,
      );
      expect(new Set(reminders).size).toBe(reminders.length);
      expect(mailsTo(address, 'überfällig').map((m) => m.subject)).toEqual([
        'Bericht 2030-Q2 überfällig / Report 2030-Q2 overdue',
      ]);
    }
    // Sent at the start of the reminder's day in Germany, as the delivery log records.
    const log = await t.http
      .get('/api/v1/notification-deliveries')
      .query({ cooperation: yard.id, limit: 100 })
      .set('Authorization', `Bearer ${await yard.token(COORD_HEEK)}`);
    expect(log.status).toBe(200);
    const sentAt = (log.body.items as Array<{ subject: string | null; deliveredAt: string; role: string }>)
      .filter((d) => d.role === 'coordinator' && d.subject?.startsWith('Bericht 2030-Q2 fällig'))
      .map((d) => d.deliveredAt)
      .sort();
    expect(sentAt).toEqual([
      startOfDayInGermany(addWorkingDays('2030-06-30', -14)).toISOString(),
      startOfDayInGermany(addWorkingDays('2030-06-30', -3)).toISOString(),
    ]);
  });

  it("a case escalates: the next level's body is mailed, once per level", () => {
    expect(mailsTo(LEGDEN_BOARD, 'Eskalationsfall 1').map((m) => m.subject)).toEqual([
      'Eskalationsfall 1 eröffnet / Escalation case 1 opened',
      'Eskalationsfall 1 auf Stufe 2 / Escalation case 1 at level 2',
      'Eskalationsfall 1 auf Stufe 3 / Escalation case 1 at level 3',
      'Eskalationsfall 1 abgeschlossen / Escalation case 1 closed',
    ]);
    // The reporter is the case's party: its coordinators hear of each step too.
    expect(mailsTo(HEEK_DESK, 'Eskalationsfall 1')).toHaveLength(4);
    // The body is reminded of each level's response deadline 14 and 3 working days before, unless
    // it acted first: level 1 escalated on 5 August, before the 3-day reminder; mediation failed early.
    expect(
      mailsTo(LEGDEN_BOARD, 'Frist für Fall 1').map((m) => [
        m.subject.split(' / ')[0],
        /in (\d+) Arbeitstagen/.exec(m.text)?.[1],
      ]),
    ).toEqual([
      ['Frist für Fall 1 endet am 2030-08-12', '14'],
      ['Frist für Fall 1 endet am 2030-09-02', '14'],
      ['Frist für Fall 1 endet am 2030-09-02', '3'],
      ['Frist für Fall 1 endet am 2030-12-03', '14'],
    ]);
  });

  it('the webhook receiver gets every event once, signed, as a CloudEvent with the history entry and its hash', async () => {
    const [{ n }] = await t.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM cooperation_history WHERE cooperation_id = $1`,
      [yard.id],
    );
    const expected = Array.from({ length: n }, (_, i) => transitionEventId(yard.id, i + 1));
    expect(hook.requests.filter((r) => r.verdict !== 'accepted')).toEqual([]);
    expect(hook.requests.map((r) => r.headers['webhook-id']).sort()).toEqual([...expected].sort());
    const events = [...hook.events.values()] as Array<{ type: string; subject: string; data: HistoryEntry }>;
    for (const e of events) {
      expect(e.subject).toBe(yard.id);
      expect(e.type).toBe(`de.nrw.ikz.${e.data.eventType}`);
      const { prevHash, hash: _hash, ...content } = e.data;
      expect(chainEntry(prevHash, content).hash).toBe(e.data.hash);
    }
    expect(events.map((e) => e.data.eventType)).toEqual(expect.arrayContaining(['REPORT_DUE', 'ESCALATE_CASE']));
  });

  it('rejects a replay: the same request again is a duplicate, an old or altered one fails verification', async () => {
    const original = hook.requests[0];
    const post = (headers: Record<string, string>, body: string) =>
      fetch(hook.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const headers = {
      'webhook-id': String(original.headers['webhook-id']),
      'webhook-timestamp': String(original.headers['webhook-timestamp']),
      'webhook-signature': String(original.headers['webhook-signature']),
    };
    expect((await post(headers, original.body)).status).toBe(200);
    expect(hook.requests.at(-1)?.verdict).toBe('duplicate');
    expect((await post(headers, original.body.replace('"specversion"', '"specversion" '))).status).toBe(401);
    // Captured ten minutes ago: signed correctly, but outside the receiver's window.
    const old = new Date(Date.now() - 10 * 60_000);
    const stale = {
      ...headers,
      'webhook-timestamp': String(Math.floor(old.getTime() / 1000)),
      'webhook-signature': new Webhook(hook.secret).sign(headers['webhook-id'], old, original.body),
    };
    expect((await post(stale, original.body)).status).toBe(401);
    expect(hook.requests.at(-1)?.detail).toMatch(/too old/i);
  });

  it('redelivers one delivery with the same event id; the receiver recognises it', async () => {
    const heek = await yard.token(COORD_HEEK);
    const log = await t.http
      .get('/api/v1/notification-deliveries')
      .query({ cooperation: yard.id, status: 'delivered', limit: 100 })
      .set('Authorization', `Bearer ${heek}`);
    const webhook = (log.body.items as Array<{ id: string; channel: string; eventId: string }>).find(
      (d) => d.channel === 'webhook',
    )!;
    const res = await t.http
      .post(`/api/v1/notification-deliveries/${webhook.id}/redeliver`)
      .set('Authorization', `Bearer ${heek}`);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ redeliveryOf: webhook.id, eventId: webhook.eventId, status: 'pending' });
    const before = hook.events.size;
    await dispatcher.drain();
    expect(hook.requests.at(-1)).toMatchObject({ verdict: 'duplicate' });
    expect(hook.requests.at(-1)?.headers['webhook-id']).toBe(webhook.eventId);
    expect(hook.events.size).toBe(before);
    const one = await t.http
      .get(`/api/v1/notification-deliveries/${res.body.id}`)
      .set('Authorization', `Bearer ${heek}`);
    expect(one.body).toMatchObject({ status: 'delivered', attempts: 1, attemptLog: [{ attempt: 1, ok: true }] });
    // Another municipality's coordinator does not see Heek's deliveries.
    const legden = await t.http
      .get(`/api/v1/notification-deliveries/${res.body.id}`)
      .set('Authorization', `Bearer ${await t.token(coordinatorOf(LEGDEN.ags))}`);
    expect(legden.status).toBe(404);
  });
});
