/**
 * The command-line tools' shared manners: `--help` (or `-h`) prints the usage to stdout and exits
 * 0; a wrong call prints one line naming the mistake and pointing at `--help`.
 */
export function exitWithHelpIfAsked(args: readonly string[], usage: string): void {
  if (!args.includes('--help') && !args.includes('-h')) return;
  process.stdout.write(`${usage.trim()}\n`);
  process.exit(0);
}

export class UsageError extends Error {
  constructor(message: string, command: string) {
    super(`${message} (npm run ${command} -- --help shows the usage)`);
  }
}
