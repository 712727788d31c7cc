/** Small helpers shared by the commands: argument parsing with readable errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: Io): Promise<number>;
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  usage: string,
) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n\n${usage}`);
  }
}

export function positional(positionals: string[], count: number, usage: string): string[] {
  if (positionals.length !== count) {
    const what = positionals.length < count ? 'Missing arguments' : `Unexpected argument ${positionals[count]}`;
    throw new UsageError(`${what}.\n\n${usage}`);
  }
  return positionals;
}
