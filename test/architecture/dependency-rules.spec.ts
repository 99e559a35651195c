import { join } from 'node:path';
import type { IConfiguration, ICruiseResult } from 'dependency-cruiser';

/*
 * The import rules of .dependency-cruiser.cjs (run by `npm run lint`) catch what they promise:
 * fixtures/layered/ is a tiny tree that breaks each rule exactly once (the lines marked "wrong")
 * and otherwise imports only what the rules allow (xstate and node:crypto in a domain, another
 * context's domain file, other contexts' modules, the shared kernel).
 */
const ROOT = join(__dirname, '..', '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

/** dependency-cruiser is ESM only; jest.config.js keeps `import()` native for it. */
async function cruiseWithTheRules(baseDir: string, paths: string[]): Promise<ICruiseResult> {
  const { cruise } = await import('dependency-cruiser');
  const { forbidden, options } = jest.requireActual<IConfiguration>(CONFIG);
  const { output } = await cruise(paths, { ...options, ruleSet: { forbidden }, validate: true, baseDir });
  if (typeof output === 'string') throw new Error('expected the JSON result of a cruise');
  return output;
}

function violations(result: ICruiseResult): string[] {
  return result.summary.violations
    .map(({ rule, from, to }) => `${rule.name}: ${from} → ${to.replace(/^(\.\.\/)+/, '')}`)
    .sort();
}

describe('dependency rules', () => {
  it('report each wrong import of the fixture tree under the rule it breaks, and nothing else', async () => {
    const result = await cruiseWithTheRules(join(__dirname, 'fixtures', 'layered'), ['src', 'test']);

    expect(violations(result)).toEqual([
      'application-not-to-http: src/cooperations/application/open-cooperation.use-case.ts → src/cooperations/http/cooperation.dto.ts',
      'audit-not-to-cooperations: src/audit/audit.module.ts → src/cooperations/cooperations.module.ts',
      'console-only-to-browser-code: src/console/verify.ts → src/history/domain/hash-chain.ts',
      'contexts-only-through-their-module: src/cooperations/application/open-cooperation.use-case.ts → src/history/infrastructure/history.repository.ts',
      'domain-is-pure: src/cooperations/domain/cooperation.ts → node_modules/@nestjs/common/index.js',
      'http-libraries-only-in-http: src/cooperations/infrastructure/cooperation.repository.ts → node_modules/class-validator/esm5/index.js',
      'infrastructure-not-to-application-or-http: src/cooperations/infrastructure/cooperation.repository.ts → src/cooperations/application/cooperations.errors.ts',
      'no-circular: src/history/domain/canonical-json.ts → src/history/domain/hash-chain.ts',
      'no-orphans: src/cooperations/left-over.ts → src/cooperations/left-over.ts',
      'shared-kernel-imports-no-context: src/common/money.ts → src/cooperations/domain/cooperation.ts',
      'src-not-to-test: src/cooperations/application/open-cooperation.use-case.ts → test/support/harness.ts',
    ]);
    expect(result.summary.error).toBe(11);
  });

  it('find nothing wrong in the real tree', async () => {
    const result = await cruiseWithTheRules(ROOT, ['src', 'scripts', 'bench', 'test', 'migrations']);

    expect(violations(result)).toEqual([]);
  });
});
