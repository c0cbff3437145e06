// `dossier export --format csv|mentions|jsonld|geojson|timeline|quotes [DIR] [-o FILE]`.
import * as fs from 'node:fs';
import { Option, type Command } from 'commander';
import { entitiesCsv, mentionsCsv } from '../../core/index/export/csv';
import { placesGeoJson } from '../../core/index/export/geojson';
import { toWebAnnotations } from '../../core/index/export/jsonld';
import { timelineCsv } from '../../core/index/export/timeline';
import { quotesCsv } from '../../core/index/export/quotes';
import type { EntityIndex } from '../../core/index/index';
import { dbOption, openCommandIndex } from '../teamIndex';
import { reportDiagnostics } from './index';

const FORMATS: Record<string, (index: EntityIndex) => string> = {
  csv: entitiesCsv,
  mentions: mentionsCsv,
  jsonld: (index) => JSON.stringify(toWebAnnotations(index), null, 2) + '\n',
  geojson: (index) => JSON.stringify(placesGeoJson(index), null, 2) + '\n',
  timeline: timelineCsv,
  quotes: quotesCsv,
};

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('Export the index of DIR: entities (csv), mentions (csv), Web Annotations (jsonld), places (geojson), dated events (timeline csv) or who said what (quotes csv).')
    .argument('[dir]', 'the indexed folder (default: the current one, or with --db the server\'s documents)')
    .addOption(dbOption())
    .addOption(new Option('-f, --format <format>', 'what to export').choices(Object.keys(FORMATS)).makeOptionMandatory())
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action(async (dir: string | undefined, opts: { format: string; output?: string; db?: string }) => {
      const { index, close } = await openCommandIndex(opts.db, dir);
      try {
        await index.scan();
        const body = FORMATS[opts.format](index);
        if (opts.output) {
          fs.writeFileSync(opts.output, body);
          process.stderr.write(`dossier: wrote ${opts.format} export to ${opts.output}\n`);
        } else {
          process.stdout.write(body);
        }
        reportDiagnostics(index);
      } finally {
        await close();
      }
    });
}
