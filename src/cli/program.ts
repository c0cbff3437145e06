// The `dossier` program: one sub-command per file in ./commands, all over src/core (loaded by
// main.ts). Only the command being run is loaded (all of them for help or a usage error), so a
// command never pays for another's dependencies.
/* eslint-disable @typescript-eslint/no-require-imports */
import { Command } from 'commander';

type Register = (program: Command) => void;
const COMMANDS: Record<string, () => Register> = {
  extract: () => (require('./commands/extract') as typeof import('./commands/extract')).registerExtract,
  eval: () => (require('./commands/eval') as typeof import('./commands/eval')).registerEval,
  index: () => (require('./commands/index') as typeof import('./commands/index')).registerIndex,
  search: () => (require('./commands/search') as typeof import('./commands/search')).registerSearch,
  export: () => (require('./commands/export') as typeof import('./commands/export')).registerExport,
  import: () => (require('./commands/import') as typeof import('./commands/import')).registerImport,
  push: () => (require('./commands/transfer') as typeof import('./commands/transfer')).registerPush,
  pull: () => (require('./commands/transfer') as typeof import('./commands/transfer')).registerPull,
  'queue-worker': () => (require('./teamQueue') as typeof import('./teamQueue')).registerQueueWorker,
};

const program = new Command('dossier')
  .description('Entity research over a corpus of articles: extract, index, search and export.')
  .version(process.env.DOSSIER_VERSION ?? '0.1.0')
  // Usage errors exit 2, as the docs promise; commander's default is 1.
  .exitOverride((err) => {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') process.exit(0);
    process.exit(2);
  });

const name = process.argv[2];
for (const [command, load] of Object.entries(COMMANDS)) {
  if (!(name in COMMANDS) || command === name) load()(program);
}

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`dossier: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
