import type { DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { validateEnvironment, type Environment } from './configuration';

/**
 * The validated settings, global. `overrides` win over the environment: the tests start servers
 * (and modules under test) with their own settings.
 */
export function configModule(overrides: Partial<Record<keyof Environment, string>> = {}): Promise<DynamicModule> {
  return ConfigModule.forRoot({
    isGlobal: true,
    ignoreEnvFile: process.env.NODE_ENV === 'test',
    // Validated settings are served from the module's own store, not copied into process.env
    // (where `validate` would put them): one server's overrides must not leak into the next
    // server a test starts in the same process.
    skipProcessEnv: true,
    load: [() => ({ ...validateEnvironment({ ...process.env, ...overrides }) })],
  });
}
