import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OBLIGATION_IDS } from '../domain';
import { expectedDocs, renderObligationsDoc, withSection } from './generated-docs';

const ROOT = join(__dirname, '../../..');

describe('generated documentation', () => {
  it.each(expectedDocs(ROOT).map((d) => [d.path, d.content]))(
    '%s is up to date (run `npm run docs:generate` when this fails)',
    (path, content) => {
      expect(readFileSync(join(ROOT, path), 'utf8')).toBe(content);
    },
  );

  it('lists every obligation of the catalog', () => {
    const doc = renderObligationsDoc();
    for (const id of OBLIGATION_IDS) expect(doc).toContain(`### \`${id}\``);
  });

  it('replaces only the marked section', () => {
    const md = 'a\n<!-- BEGIN GENERATED x: npm run docs:generate -->\nold\n<!-- END GENERATED x -->\nb\n';
    expect(withSection(md, 'x', 'new')).toBe(
      'a\n<!-- BEGIN GENERATED x: npm run docs:generate -->\nnew\n<!-- END GENERATED x -->\nb\n',
    );
    expect(() => withSection('no markers', 'x', 'new')).toThrow(/missing markers/);
  });
});
