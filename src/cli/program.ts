// The `dossier` program: one sub-command per file in ./commands, all over src/core (loaded by main.ts).
import { Command } from 'commander';
import { registerExtract } from './commands/extract';
import { registerEval } from './commands/eval';
import { registerIndex } from './commands/index';
import { registerSearch } from './commands/search';
import { registerExport } from './commands/export';
import { registerImport } from './commands/import';
import { registerPull, registerPush } from './commands/transfer';
import { registerQueueWorker } from './teamQueue';

const program = new Command('dossier')
  .description('Entity research over a corpus of articles: extract, index, search and export.')
  .version(process.env.DOSSIER_VERSION ?? '0.1.0')
  // Usage errors exit 2, as the docs promise; commander's default is 1.
  .exitOverride((err) => {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') process.exit(0);
    process.exit(2);
  });

for (const register of [registerExtract, registerEval, registerIndex, registerSearch, registerExport, registerImport, registerPush, registerPull, registerQueueWorker]) {
  register(program);
}

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`dossier: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
