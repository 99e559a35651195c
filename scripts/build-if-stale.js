#!/usr/bin/env node
// `npm start`'s prestart: builds dist/ (npm run build) only when it is missing or older than what it
// is built from, so that a restart does not wait for a build and a fresh clone still gets one. Plain
// JavaScript: it must run where only the production dependencies are installed and dist/ is current.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');

/** What the build reads: sources, migrations, the build's configuration and the locked dependencies. */
const INPUTS = [
  'src',
  'migrations',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'nest-cli.json',
  'vite.config.mts',
];
/** What the build writes last of each part (server, console): the older of the two is the build's age. */
const OUTPUTS = [join('dist', 'src', 'main.js'), join('dist', 'console', 'index.html')];

// Files only: a folder's own time changes with every file a tool writes or removes beside the sources.
function newest(path) {
  if (!existsSync(path)) return { mtime: 0, path };
  const stat = statSync(path);
  if (!stat.isDirectory()) return { mtime: stat.mtimeMs, path };
  return readdirSync(path)
    .map((name) => newest(join(path, name)))
    .reduce((a, b) => (b.mtime > a.mtime ? b : a), { mtime: 0, path });
}

/** Why `root`'s dist/ needs a build, or null when it is current. */
function staleReason(root) {
  const missing = OUTPUTS.find((output) => !existsSync(join(root, output)));
  if (missing) return `${missing} is missing`;
  const built = Math.min(...OUTPUTS.map((output) => statSync(join(root, output)).mtimeMs));
  const source = INPUTS.map((input) => newest(join(root, input))).reduce((a, b) => (b.mtime > a.mtime ? b : a));
  return source.mtime > built ? `${source.path.slice(root.length + 1)} is newer than dist/` : null;
}

module.exports = { staleReason };

if (require.main === module) {
  const root = resolve(__dirname, '..');
  const reason = staleReason(root);
  if (reason) {
    process.stderr.write(`Building dist/ (${reason}): npm run build\n`);
    execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  }
}
