import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_POLICY, type AccessPolicy } from '../../src/auth/access-policy.decorator';
import { API_PREFIX, UNPREFIXED } from '../../src/bootstrap';
import type { TestApp } from './test-app';

export interface Route {
  method: string;
  /** Express-style, e.g. `/api/v1/cooperations/:id/events`. */
  path: string;
  policy: AccessPolicy | undefined;
}

/** Every route of the application, read from its own controllers' metadata (as the router registers them). */
export function routesOf(t: TestApp): Route[] {
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
      const path = ['', UNPREFIXED.includes(base) ? '' : API_PREFIX, base, sub].filter((s) => s && s !== '/').join('/');
      const policy = reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [handler, metatype]);
      return [{ method, path: `/${path.replace(/^\/+/, '')}`, policy }];
    });
  });
}
