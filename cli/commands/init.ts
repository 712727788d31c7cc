import { resolve } from 'node:path';
import { closeCaseFile, createCaseFile } from '../../db/casefile';
import { createDemoCaseFile } from '../../db/demo/seed';
import { parse, positional, type Command } from '../args';
import { userKeyStore } from '../identity';

const usage = `Usage: casefile init FILE [--demo] [--name NAME]

Create a new, empty case file at FILE (conventionally *.casefile).
  --demo        fill it with the bundled demo case (real incidents from the seed pages)
  --name NAME   the case's display name (default: the file name)`;

export const initCommand: Command = {
  name: 'init',
  summary: 'create a case file (optionally the demo case)',
  usage,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { demo: { type: 'boolean' }, name: { type: 'string' } }, usage);
    if (values.help) return io.out(usage), 0;
    const [file] = positional(positionals, 1, usage);
    const path = resolve(file!);
    // The demo people's private keys go to this user's key store, so the demo can be worked as them.
    const cf = values.demo ? createDemoCaseFile(path, { keyStore: userKeyStore() }) : createCaseFile(path, values.name ? { name: values.name } : {});
    const n = (cf.db.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n;
    closeCaseFile(cf);
    io.out(`Created ${path}${values.demo ? ` with the demo case (${n} incidents)` : ''}.`);
    return 0;
  },
};
