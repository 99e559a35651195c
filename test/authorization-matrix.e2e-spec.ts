import { ROLES, type Principal, type Role } from '../src/auth/principal';
import { buildingYardSteps, COORD_HEEK } from './fixtures/building-yard.scenario';
import { BuildingYard, toBody } from './support/building-yard';
import { routesOf, type Route } from './support/routes';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The declared authorization policy of every route. A route the application has but this table
 * lacks fails the test (and so does an entry without a route): adding a route means deciding here
 * who may call it.
 *
 * - `roles`: who passes the route's guard; everyone else gets 401 (no token) or 403.
 * - `scope: 'cooperation'`: coordinators and board members only reach cooperations their
 *   municipality takes part in; another municipality's caller gets 404, like for an unknown id.
 * - `scope: 'list'`: the answer is filtered to what the caller may see.
 * - `scope: 'case'`: escalation cases, scoped like their cooperation by the service; without an open
 *   case here only the roles are checked (test/operation-phase e2e covers their visibility).
 */
type Scope = 'cooperation' | 'list' | 'case';
const ALL = ROLES;
const AUDIT = ['auditor', 'admin'] as const;
export const POLICY: Record<string, { roles: readonly Role[] | 'public' | 'metrics-token'; scope?: Scope }> = {
  'GET /health': { roles: 'public' },
  'GET /health/live': { roles: 'public' },
  'GET /health/ready': { roles: 'public' },
  // The Prometheus scraper's METRICS_TOKEN, which this app has: every user token is refused.
  'GET /metrics': { roles: 'metrics-token' },
  // The console's development sign-in (absent in production).
  'POST /api/v1/dev/token': { roles: 'public' },
  'GET /api/v1/sign-in/config': { roles: 'public' },
  'GET /api/v1/sign-in/me': { roles: ALL },
  'GET /api/v1/municipalities': { roles: ALL },
  'GET /api/v1/municipalities/:ags': { roles: ALL },
  'POST /api/v1/municipalities': { roles: ['admin'] },
  'GET /api/v1/obligations': { roles: ALL },
  'GET /api/v1/lifecycle': { roles: ALL },
  'GET /api/v1/lifecycle.mermaid': { roles: ALL },
  'POST /api/v1/cooperations': { roles: ['coordinator'] },
  'GET /api/v1/cooperations': { roles: ALL, scope: 'list' },
  'GET /api/v1/cooperations/:id': { roles: ALL, scope: 'cooperation' },
  'POST /api/v1/cooperations/:id/events': { roles: ['coordinator', 'steering-board'], scope: 'cooperation' },
  'GET /api/v1/cooperations/:id/next': { roles: ALL, scope: 'cooperation' },
  'GET /api/v1/cooperations/:id/history': { roles: ALL, scope: 'cooperation' },
  'GET /api/v1/cooperations/:id/history/verify': { roles: ALL, scope: 'cooperation' },
  'GET /api/v1/cooperations/:id/reports': { roles: ALL, scope: 'cooperation' },
  'GET /api/v1/cooperations/:id/success': { roles: ALL, scope: 'cooperation' },
  'GET /api/v1/cooperations/:id/report.pdf': { roles: ALL, scope: 'cooperation' },
  // What cooperations show outside themselves (docs/register.md): the register without sign-in,
  // published searches to every coordinator; an interest in a cooperation without an open search is 404.
  'GET /api/v1/register': { roles: 'public' },
  'GET /api/v1/register.csv': { roles: 'public' },
  'GET /api/v1/partner-searches': { roles: ['coordinator'] },
  'POST /api/v1/partner-searches/:id/interests': { roles: ['coordinator'] },
  'POST /api/v1/cooperations/:id/documents': { roles: ['coordinator'], scope: 'cooperation' },
  'GET /api/v1/cooperations/:id/documents': { roles: ALL, scope: 'cooperation' },
  'GET /api/v1/cooperations/:id/documents/:docId': { roles: ALL, scope: 'cooperation' },
  'GET /api/v1/personal-data/:id': { roles: AUDIT },
  'POST /api/v1/personal-data/:id/erasure': { roles: ['admin'] },
  // The caller's inbox: built from the cooperations they may see (test/inbox.e2e-spec.ts covers the scoping).
  'GET /api/v1/me/inbox': { roles: ALL },
  'GET /api/v1/escalations': { roles: ALL, scope: 'case' },
  'GET /api/v1/escalations/:id': { roles: ALL, scope: 'case' },
  'GET /api/v1/audit/transitions': { roles: AUDIT },
  'GET /api/v1/audit/verify': { roles: AUDIT },
  'POST /api/v1/audit/checkpoints': { roles: AUDIT },
  'GET /api/v1/audit/checkpoints': { roles: AUDIT },
  'GET /api/v1/audit/checkpoints/:id': { roles: AUDIT },
  'GET /api/v1/audit/checkpoints/:id/verify': { roles: AUDIT },
  'GET /api/v1/audit/public-key': { roles: AUDIT },
  // Notifications: the use cases scope by municipality (test/notifications-delivery e2e covers it).
  'POST /api/v1/webhook-subscriptions': { roles: ['coordinator', 'admin'] },
  'GET /api/v1/webhook-subscriptions': { roles: ['coordinator', 'admin'] },
  'DELETE /api/v1/webhook-subscriptions/:id': { roles: ['coordinator', 'admin'] },
  'POST /api/v1/municipalities/:ags/notification-addresses': { roles: ['coordinator', 'admin'] },
  'GET /api/v1/municipalities/:ags/notification-addresses': { roles: ['coordinator', 'admin'] },
  'DELETE /api/v1/municipalities/:ags/notification-addresses/:id': { roles: ['coordinator', 'admin'] },
  'GET /api/v1/notification-deliveries': { roles: ['coordinator', 'steering-board', 'admin'] },
  'GET /api/v1/notification-deliveries/:id': { roles: ['coordinator', 'steering-board', 'admin'] },
  'POST /api/v1/notification-deliveries/:id/redeliver': { roles: ['coordinator', 'admin'] },
};

const HEEK = COORD_HEEK.municipality!;
const OTHER = '05315000'; // Köln: no part in the building yard
const callers = (municipality: string): Record<Role, Principal> => ({
  coordinator: { sub: `coord-${municipality}`, role: 'coordinator', municipality },
  'steering-board': { sub: `board-${municipality}`, role: 'steering-board', municipality },
  auditor: { sub: 'rpa-auditor', role: 'auditor' },
  admin: { sub: 'admin-it-nrw', role: 'admin' },
});

const key = (r: Route) => `${r.method} ${r.path}`;
/** Stopped by the route's guard: no token, or a 403 for the role (not the domain's 403 for an actor). */
const deniedByRoute = (res: { status: number; body: { detail?: string } }) =>
  res.status === 401 || (res.status === 403 && /ist diese Schnittstelle nicht erlaubt/.test(res.body.detail ?? ''));

describe('authorization matrix: every route × every role × own/other municipality', () => {
  let t: TestApp;
  let yard: BuildingYard;
  let checkpointId: string;
  let documentId: string;

  beforeAll(async () => {
    t = await createTestApp({ METRICS_TOKEN: 'the-scrapers-token-of-the-matrix' });
    yard = new BuildingYard(t);
    await yard.open();
    const admin = await t.token(callers(HEEK).admin);
    checkpointId = (await t.http.post('/api/v1/audit/checkpoints').set('Authorization', `Bearer ${admin}`)).body.id;
    documentId = (
      await t.http
        .post(`/api/v1/cooperations/${yard.id}/documents`)
        .set('Authorization', `Bearer ${await t.token(callers(HEEK).coordinator)}`)
        .attach('file', Buffer.from('%PDF-1.7\n'), 'evidence.pdf')
    ).body.id;
  });
  afterAll(() => t.close());

  it('declares a policy for exactly the routes the application has, and the code agrees with it', () => {
    const routes = routesOf(t);
    expect(routes.map(key).filter((k) => !(k in POLICY))).toEqual([]);
    expect(Object.keys(POLICY).filter((k) => !routes.some((r) => key(r) === k))).toEqual([]);
    for (const route of routes) {
      const declared = POLICY[key(route)].roles;
      const inCode =
        route.policy && 'roles' in route.policy
          ? [...route.policy.roles].sort()
          : route.policy && 'scraper' in route.policy
            ? 'metrics-token'
            : 'public';
      expect({ route: key(route), roles: inCode }).toEqual({
        route: key(route),
        roles: typeof declared === 'string' ? declared : [...declared].sort(),
      });
    }
  });

  it('answers every route for every caller as declared', async () => {
    const url = (path: string) =>
      path
        .replace(':ags', HEEK)
        .replace(':docId', documentId)
        .replace(/\/audit\/checkpoints\/:id/, `/audit/checkpoints/${checkpointId}`)
        .replace(/\/escalations\/:id/, '/escalations/00000000-0000-4000-8000-000000000000')
        .replace(':id', yard.id);
    const body = (route: Route) =>
      route.path.endsWith('/events')
        ? toBody(buildingYardSteps()[0].event) // valid: the visibility check is what decides
        : route.path === '/api/v1/cooperations'
          ? { title: 'x' }
          : route.path === '/api/v1/municipalities'
            ? {}
            : undefined;
    const call = async (route: Route, principal?: Principal) => {
      let req = t.http[route.method.toLowerCase() as 'get' | 'post' | 'delete'](url(route.path));
      if (principal) req = req.set('Authorization', `Bearer ${await t.token(principal)}`);
      const payload = body(route);
      return payload === undefined ? req : req.send(payload);
    };
    const outcomes: string[] = [];
    for (const route of routesOf(t)) {
      const policy = POLICY[key(route)];
      const anonymous = await call(route);
      outcomes.push(`${key(route)} anonymous ${deniedByRoute(anonymous) ? 'denied' : 'passed'}`);
      for (const municipality of [HEEK, OTHER]) {
        for (const role of ROLES) {
          const who = callers(municipality)[role];
          if (municipality === OTHER && !who.municipality) continue; // no municipality: one check is enough
          const res = await call(route, who);
          const label = `${key(route)} ${role}${who.municipality ? (municipality === HEEK ? ' own' : ' other') : ''}`;
          if (deniedByRoute(res)) outcomes.push(`${label} denied`);
          else if (res.status === 404 && policy.scope === 'cooperation') outcomes.push(`${label} not-found`);
          else if (policy.scope === 'list' && route.method === 'GET') {
            outcomes.push(
              `${label} ${(res.body.items as Array<{ id: string }>).some((c) => c.id === yard.id) ? 'sees' : 'filtered'}`,
            );
          } else outcomes.push(`${label} passed`);
        }
      }
    }
    const expected: string[] = [];
    for (const route of routesOf(t)) {
      const policy = POLICY[key(route)];
      expected.push(`${key(route)} anonymous ${policy.roles === 'public' ? 'passed' : 'denied'}`);
      for (const municipality of [HEEK, OTHER]) {
        for (const role of ROLES) {
          const who = callers(municipality)[role];
          if (municipality === OTHER && !who.municipality) continue;
          const own = municipality === HEEK;
          const label = `${key(route)} ${role}${who.municipality ? (own ? ' own' : ' other') : ''}`;
          const allowed =
            policy.roles === 'public' || (policy.roles !== 'metrics-token' && policy.roles.includes(role));
          const scoped = Boolean(who.municipality) && !own;
          expected.push(
            `${label} ${
              !allowed
                ? 'denied'
                : policy.scope === 'cooperation' && scoped
                  ? 'not-found'
                  : policy.scope === 'list'
                    ? scoped
                      ? 'filtered'
                      : 'sees'
                    : 'passed'
            }`,
          );
        }
      }
    }
    expect(outcomes).toEqual(expected);
  });
});
