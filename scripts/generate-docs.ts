/**
 * Writes the documentation generated from the domain: docs/obligations.md and the diagram section
 * of docs/lifecycle.md. Usage: npm run docs:generate
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectedDocs } from '../src/cooperations/docs/generated-docs';

const root = join(__dirname, '..');
for (const { path, content } of expectedDocs(root)) {
  const file = join(root, path);
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // A generated file that does not exist yet is simply written.
  }
  if (current === content) continue;
  writeFileSync(file, content);
  process.stdout.write(`wrote ${path}\n`);
}
