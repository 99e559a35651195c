import type { Principal } from '../src/auth/principal';
import type { Actor } from '../src/cooperations/domain';
import { COORD_HEEK, COORD_LEGDEN } from './fixtures/building-yard.scenario';
import { BOARD_LEGDEN } from './fixtures/operation-phase.scenario';
import { EVENT_EXAMPLES } from '../src/cooperations/http/dto/event-examples';
import { BuildingYard } from './support/building-yard';
import { AUDITOR, createTestApp, type TestApp } from './support/test-app';

interface Item {
  kind: string;
  cooperationId: string;
  action: string | null;
  deadlineOn: string | null;
  text: string;
  caseId?: string;
  period?: string;
}

/** Issue 15, point 5: `GET /me/inbox` lists what waits for the caller, soonest deadline first. */
describe('GET /me/inbox: what waits for me', () => {
  let t: TestApp;
  let invited: BuildingYard;
  let signing: BuildingYard;
  let active: BuildingYard;
  let caseId = '';

  beforeAll(async () => {
    t = await createTestApp();
    invited = new BuildingYard(t);
    await invited.runUntil('accept-legden');
    signing = new BuildingYard(t);
    await signing.runUntil('sign-loi-legden');
    active = new BuildingYard(t);
    await active.runUntil();
    active.at(new Date('2027-03-28T08:00:00Z'));
    const raised = await active.send(COORD_LEGDEN, EVENT_EXAMPLES.RAISE_CONFLICT.value);
    expect(raised.status).toBe(200);
    caseId = raised.body.escalationCase.id;
  });
  afterAll(() => t.close());

  const inbox = async (principal: Principal | Actor, lang = 'de') => {
    const res = await t.http
      .get('/api/v1/me/inbox')
      .set('Authorization', `Bearer ${await t.token(principal as Principal)}`)
      .set('Accept-Language', lang);
    expect(res.status).toBe(200);
    return res.body as { horizonDays: number; items: Item[] };
  };

  it('the lead: the report its municipality owes; a case deadline once it is within 14 days — soonest first', async () => {
    active.at(new Date('2027-03-28T08:00:00Z'));
    const { horizonDays, items } = await inbox(COORD_HEEK);
    expect(horizonDays).toBe(14);
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'report',
        cooperationId: active.id,
        action: 'SUBMIT_REPORT',
        period: '2027-Q1',
        deadlineOn: '2027-03-31',
        text: 'Bericht 2027-Q1 fällig am 2027-03-31',
      }),
    ]);
    expect((await inbox(COORD_HEEK, 'en')).items[0].text).toBe('Report 2027-Q1 due on 2027-03-31');

    active.at(new Date('2027-04-13T08:00:00Z'));
    expect((await inbox(COORD_HEEK)).items).toEqual([
      expect.objectContaining({ kind: 'report', text: 'Bericht 2027-Q1 überfällig seit 2027-03-31' }),
      expect.objectContaining({ kind: 'deadline', cooperationId: active.id, caseId, deadlineOn: '2027-04-25' }),
      expect.objectContaining({ kind: 'report', period: '2027-Q2', deadlineOn: '2027-06-30' }),
    ]);
  });

  it('a partner: an open invitation and a missing signature of its own, no deadline', async () => {
    const { items } = await inbox(COORD_LEGDEN);
    expect(items).toEqual([
      expect.objectContaining({ kind: 'invitation', cooperationId: invited.id, action: 'ACCEPT_INVITATION' }),
      expect.objectContaining({ kind: 'signature', cooperationId: signing.id, action: 'SIGN_LOI', deadlineOn: null }),
    ]);
    const schoeppingen = { sub: 'coord-schoeppingen', role: 'coordinator', municipality: '05554052' } as const;
    const theirs = (await inbox(schoeppingen)).items;
    expect(theirs).toContainEqual(
      expect.objectContaining({ kind: 'invitation', cooperationId: invited.id, action: 'ACCEPT_INVITATION' }),
    );
    expect(theirs).toContainEqual(expect.objectContaining({ kind: 'signature', cooperationId: signing.id }));
  });

  it('a board member: the case it may decide; other municipalities and auditors: nothing', async () => {
    expect((await inbox(BOARD_LEGDEN)).items).toEqual([
      expect.objectContaining({ kind: 'case', caseId, action: 'RESOLVE_CASE', deadlineOn: '2027-04-25' }),
    ]);
    expect((await inbox({ sub: 'coord-koeln', role: 'coordinator', municipality: '05315000' })).items).toEqual([]);
    expect((await inbox(AUDITOR)).items).toEqual([]);
  });
});
