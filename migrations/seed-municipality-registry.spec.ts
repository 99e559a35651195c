import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('municipality registry seed migration', () => {
  it('holds exactly the rows generated from data/nrw-municipalities.csv', () => {
    const generated = execFileSync('node', [join(__dirname, '../scripts/registry-to-sql.js')], {
      encoding: 'utf8',
    }).trim();
    const migration = readFileSync(join(__dirname, '1764100000002-seed-municipality-registry.ts'), 'utf8');
    expect(migration).toContain(generated.replace(/`/g, ''));
    expect(generated.split('\n')).toHaveLength(396 + 31);
  });
});
