import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONSOLE_API_TYPES, renderConsoleApiTypes } from '../scripts/console-api-types';
import { createTestApp, type TestApp } from './support/test-app';

/** The console is typed from the API it talks to: a changed route or DTO must regenerate its client types. */
describe('the console API types', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it(`${CONSOLE_API_TYPES} is up to date (run \`npm run console:api\` when this fails)`, async () => {
    const committed = readFileSync(join(__dirname, '..', CONSOLE_API_TYPES), 'utf8');
    expect(committed).toBe(await renderConsoleApiTypes(t.app));
  });
});
