import { execFile } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { backup, restore } from '../scripts/backup';
import { readHeader } from '../scripts/backup-file';
import { keyIdOf } from '../src/audit/domain/checkpoint';
import { DEVELOPMENT_KEY_FILE } from '../src/audit/infrastructure/signing-key';
import { validateEnvironment } from '../src/config/configuration';
import { createTestApp, onRealPostgres } from './support/test-app';

const ROOT = resolve(__dirname, '..');
const run = promisify(execFile);

/** The command-line tools as a user calls them (independent of the suite's database: embedded run only). */
const describeOnce = onRealPostgres() ? describe.skip : describe;

describeOnce('command-line tools', () => {
  it.each([
    ['token', 'scripts/token.ts', [], /Usage: npm run -s token -- --role <role>[\s\S]*--municipality[\s\S]*Example:/],
    ['backup', 'scripts/backup.ts', ['backup'], /Usage: npm run backup -- --out <file\.sql>[\s\S]*public half/],
    ['restore', 'scripts/backup.ts', ['restore'], /Usage: npm run restore -- --in <file\.sql>[\s\S]*another key/],
    ['audit:verify', 'scripts/audit-verify.ts', [], /Usage: npm run audit:verify[\s\S]*Exit code 0/],
  ])('npm run %s -- --help prints the usage and exits 0', async (_name, script, args, usage) => {
    const { stdout } = await run(process.execPath, ['-r', '@swc-node/register', script, ...args, '--help'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', IKZ_DATA_DIR: join(tmpdir(), 'ikz-never-opened') },
    });
    expect(stdout).toMatch(usage);
  });

  it('a wrong call names the mistake and points at --help (exit code 2)', async () => {
    const failed = await run(process.execPath, ['-r', '@swc-node/register', 'scripts/token.ts', '--rol', 'x'], {
      cwd: ROOT,
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr.trim()).toBe(
      "Unknown option '--rol' (npm run token -- --help shows the usage)",
    );
  });

  describe('backup and the audit signing key', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ikz-cli-'));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));
    const quiet = () => {};

    it("writes the key's public half into the backup and warns when a restore will sign with another", async () => {
      const source = join(folder, 'source');
      const t = await createTestApp({ DATABASE_URL: '', IKZ_DATA_DIR: source });
      await t.close();
      const file = join(folder, 'backup.sql');
      await backup(validateEnvironment({ IKZ_DATA_DIR: source }), file, quiet);
      const keyId = keyIdOf(
        createPublicKey(createPrivateKey(readFileSync(join(source, DEVELOPMENT_KEY_FILE), 'utf8'))),
      );
      const header = await readHeader(file);
      expect(header.signingKey).toMatchObject({ algorithm: 'Ed25519', keyId });
      expect(header.signingKey!.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
      expect(readFileSync(file, 'utf8')).not.toContain('PRIVATE KEY');

      const lines: string[] = [];
      const fresh = await restore(validateEnvironment({ IKZ_DATA_DIR: join(folder, 'fresh') }), file, quiet, (l) =>
        lines.push(l),
      );
      expect(fresh.signingKeyWarning).toMatch(
        new RegExp(`^Warning: the source signed audit checkpoints with the key ${keyId.slice(0, 16)}….*a new key`),
      );
      expect(lines).toContain(fresh.signingKeyWarning);

      const same = join(folder, 'same-key');
      mkdirSync(same);
      copyFileSync(join(source, DEVELOPMENT_KEY_FILE), join(same, DEVELOPMENT_KEY_FILE));
      const kept = await restore(validateEnvironment({ IKZ_DATA_DIR: same }), file, quiet);
      expect(kept.signingKeyWarning).toBeNull();
    });
  });
});
