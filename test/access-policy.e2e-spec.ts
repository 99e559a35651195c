import { createTestApp, type TestApp } from './support/test-app';
import { routesOf } from './support/routes';

/** Deny by default: no route may exist without a declared policy, and only these are public. */
describe('access policies of all routes', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('every route declares who may call it', () => {
    const routes = routesOf(t);
    expect(routes.length).toBeGreaterThan(3);
    expect(routes.filter((r) => !r.policy).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(routes.filter((r) => r.policy && 'public' in r.policy).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /health',
      // How the console signs in: asked before anyone is signed in (oidc-sign-in.e2e-spec.ts).
      'GET /api/v1/sign-in/config',
      // Development only: absent in production (dev-sign-in.e2e-spec.ts).
      'POST /api/v1/dev/token',
    ]);
  });

  it('every protected route answers 401 problem+json without a token', async () => {
    const sample = { ags: '05315000', id: '00000000-0000-4000-8000-000000000000' };
    for (const route of routesOf(t).filter((r) => r.policy && 'roles' in r.policy)) {
      const url = route.path.replace(/:(\w+)/g, (_m, name: string) => sample[name as keyof typeof sample] ?? 'x');
      const res = await t.http[route.method.toLowerCase() as 'get' | 'post'](url).send();
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
      });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});
