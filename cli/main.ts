/** The `casefile` command: one entry, one file per subcommand. */
import { CaseFileError } from '../db/casefile';
import { HandlerError } from '../db/errors';
import { UsageError, type Command, type Io } from './args';
import { setActingAs, takeAsOption } from './identity';
import { initCommand } from './commands/init';
import { serveCommand } from './commands/serve';
import { statsCommand } from './commands/stats';
import { verifyCommand } from './commands/verify';
import { importCommand } from './commands/import';
import { exportCommand } from './commands/export';
import { mergeCommand } from './commands/merge';

export const COMMANDS: readonly Command[] = [initCommand, statsCommand, serveCommand, verifyCommand, importCommand, exportCommand, mergeCommand];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: casefile COMMAND [options]',
    '',
    'Casefile: an offline workbench for investigating alleged civilian harm.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global option:',
    '  --as NAME  act as this person of the case file (their key must be in your key store),',
    '             so that the changes the command makes are signed by them',
    '',
    'Run `casefile COMMAND --help` for a command\'s options.',
  ].join('\n');
}

const stdio: Io = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
};

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  // The global --as NAME (cli/identity.ts), wherever it stands.
  try {
    const taken = takeAsOption(argv);
    argv = taken.argv;
    setActingAs(taken.as);
  } catch (e) {
    io.err(`casefile: ${(e as Error).message}`);
    return 2;
  }
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`casefile: unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`casefile ${name}: ${e.message}`);
      return 2;
    }
    if (e instanceof CaseFileError || e instanceof HandlerError) {
      io.err(`casefile ${name}: ${e.message}`);
      return 1;
    }
    io.err(`casefile ${name}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
