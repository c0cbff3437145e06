// `dossier import FILE.jsonld [--dir DIR]`: bring Web Annotations (a Dossier jsonld export, or
// typed quotes from another tool) into the folder's .dossier/annotations.json.
import * as fs from 'node:fs';
import type { Command } from 'commander';
import { fromWebAnnotations } from '../../core/index/export/jsonld';
import { findAuthor } from '../nodeWorkspace';
import { dbOption, openCommandIndex } from '../teamIndex';
import { reportDiagnostics } from './index';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('Import annotations from a W3C Web Annotation JSON-LD file into the index of a folder.')
    .argument('<file>', 'a .jsonld file, e.g. from `dossier export --format jsonld`')
    .option('--dir <dir>', 'the indexed folder (default: the current one, or with --db the server\'s documents)')
    .addOption(dbOption())
    .action(async (file: string, opts: { dir?: string; db?: string }) => {
      let json: unknown;
      try {
        json = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (err) {
        throw new Error(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
      }
      const parsed = fromWebAnnotations(json, findAuthor(opts.dir ?? '.'), new Date().toISOString());
      const { index, publish, close } = await openCommandIndex(opts.db, opts.dir);
      try {
        await index.scan();
        const { added, duplicates } = await index.importAnnotations(parsed.annotations);
        await publish();
        const lines = [`Imported ${added} annotation${added === 1 ? '' : 's'} from ${file} (${duplicates} already present, ${parsed.derived} exported mentions skipped).`];
        for (const r of parsed.rejected) lines.push(`Skipped ${r.id}: ${r.reason}`);
        const orphans = index.orphans().length;
        if (orphans) lines.push(`${orphans} annotation${orphans === 1 ? '' : 's'} do not anchor in this folder's documents (kept as orphans).`);
        process.stdout.write(lines.join('\n') + '\n');
        reportDiagnostics(index);
      } finally {
        await close();
      }
    });
}
