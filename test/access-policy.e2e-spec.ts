import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_POLICY, type AccessPolicy } from '../src/auth/access-policy.decorator';
import { API_PREFIX } from '../src/bootstrap';
import { createTestApp, type TestApp } from './support/test-app';

interface Route {
  method: string;
  path: string;
  policy: AccessPolicy | undefined;
}

/** Every route of the application, read from its own controllers' metadata. */
function routesOf(t: TestApp): Route[] {
  const discovery = new DiscoveryService(t.app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  return discovery.getControllers().flatMap(({ metatype, instance }) => {
    if (!metatype || !instance) return [];
    const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    const prototype = Object.getPrototypeOf(instance) as Record<string, (...args: unknown[]) => unknown>;
    return scanner.getAllMethodNames(prototype).flatMap((name) => {
      const handler = prototype[name];
      const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (sub === undefined) return [];
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const path = ['', base === 'health' ? '' : API_PREFIX, base, sub].filter((s) => s && s !== '/').join('/');
      const policy = reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [handler, metatype]);
      return [{ method, path: `/${path.replace(/^\/+/, '')}`, policy }];
    });
  });
}

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
