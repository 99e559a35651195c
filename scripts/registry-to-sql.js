#!/usr/bin/env node
// Prints the SQL VALUES rows for the municipality registry (CSV rows + the Kreise derived from the
// district column), for a new seed migration when the registry changes.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const csv = readFileSync(process.argv[2] ?? join(__dirname, '../migrations/data/nrw-municipalities.csv'), 'utf8');
const [header, ...lines] = csv.trim().split(/\r?\n/);
if (header !== 'ags,name,kind,district,region') throw new Error(`unexpected header: ${header}`);
const rows = lines.map((line) => line.split(','));
const kreise = new Map();
for (const [ags, , kind, district, region] of rows) {
  if (kind !== 'kreisfreie Stadt') kreise.set(`${ags.slice(0, 5)}000`, [district, region]);
}
const quote = (s) => `'${s.replace(/'/g, "''")}'`;
const values = [
  ...rows.map((r) => r.map(quote)),
  ...[...kreise].sort(([a], [b]) => a.localeCompare(b)).map(([ags, [d, r]]) => [ags, d, 'Kreis', d, r].map(quote)),
];
process.stdout.write(values.map((v) => `  (${v.join(', ')})`).join(',\n') + '\n');
