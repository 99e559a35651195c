import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain JavaScript, run by npm's prestart
const { staleReason } = require('./build-if-stale') as { staleReason: (root: string) => string | null };

describe('npm start rebuilds dist/ only when it is stale', () => {
  let root: string;
  const file = (path: string, at: number) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '');
    utimesSync(join(root, path), at, at);
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ikz-prestart-'));
    file('src/main.ts', 1000);
    file('migrations/index.ts', 1000);
    file('package-lock.json', 1000);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds a fresh clone (no dist/)', () => {
    expect(staleReason(root)).toBe(join('dist', 'src', 'main.js') + ' is missing');
  });

  it('does not build when dist/ is newer than every input', () => {
    file('dist/src/main.js', 2000);
    file('dist/console/index.html', 2001);
    expect(staleReason(root)).toBeNull();
  });

  it('builds when a source, a migration or the lock file changed since, or the console was never built', () => {
    file('dist/src/main.js', 2000);
    file('dist/console/index.html', 2001);
    file('src/console/pages/home.tsx', 3000);
    expect(staleReason(root)).toBe(`${join('src', 'console', 'pages', 'home.tsx')} is newer than dist/`);
    file('src/console/pages/home.tsx', 1000);
    file('package-lock.json', 2500);
    expect(staleReason(root)).toBe('package-lock.json is newer than dist/');
    rmSync(join(root, 'dist', 'console'), { recursive: true });
    expect(staleReason(root)).toBe(join('dist', 'console', 'index.html') + ' is missing');
  });
});
