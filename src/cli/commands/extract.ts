// `dossier extract [--date YYYY-MM-DD] [--json] FILE...|-`: runs the engine over files (or
// stdin) and prints one JSON line per input, or a readable table of mentions.
import type { Command } from 'commander';
import fs from 'node:fs';
import { analyze } from '../../core/engine/index';
import { openFolderIndex } from '../nodeWorkspace';
import type { Analysis } from '../../core/model';
import { parseIso } from '../../core/engine/dates/calendar';
import { extractSource, pageAt, SourceError, sourceKindOf, type ExtractedSource } from '../../core/sources/index';

interface ExtractOptions {
  date?: string;
  json?: boolean;
  text?: boolean;
  workspace?: string;
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('find people, organisations, places and dates in text files ("-" reads stdin)')
    .argument('[files...]', 'files to analyse, or - for standard input')
    .option('--date <YYYY-MM-DD>', 'document date used when the text names none')
    .option('--json', 'one JSON line per input: the analysis plus "document" (and "page" on PDF mentions)')
    .option('--text', 'print the text Dossier reads (extracted from PDF, HTML and DOCX) instead of analysing it')
    .option('--workspace <dir>', "analyse as in this Dossier workspace: with its annotations' lexicon and the tagger adapted to its corrections")
    .action(async (files: string[], opts: ExtractOptions) => {
      if (opts.date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date) || !parseIso(opts.date))) {
        process.stderr.write(`dossier extract: --date must be a real date as YYYY-MM-DD, got "${opts.date}"\n`);
        process.exit(2);
      }
      if (!files.length) {
        process.stderr.write('dossier extract: give at least one FILE, or - for standard input\n');
        process.exit(2);
      }
      let engine: typeof analyze = analyze;
      if (opts.workspace) {
        try {
          const ws = await openFolderIndex(opts.workspace, { readOnly: true });
          engine = (text, o) => ws.analyze(text, { ...o, lexicon: ws.index.lexiconFor('', text) });
        } catch (err) {
          process.stderr.write(`dossier extract: cannot open the workspace ${opts.workspace}: ${(err as Error).message}\n`);
          process.exit(2);
        }
      }
      let failed = false;
      for (const file of files) {
        let text: string;
        let source: ExtractedSource | undefined;
        try {
          const kind = file === '-' ? undefined : sourceKindOf(file);
          if (kind) source = await extractSource(kind, fs.readFileSync(file));
          text = source ? source.text : fs.readFileSync(file === '-' ? 0 : file, 'utf8');
        } catch (err) {
          failed = true;
          const why = err instanceof SourceError ? err.message : ((err as NodeJS.ErrnoException).code ?? (err as Error).message);
          process.stderr.write(`dossier extract: cannot read ${file}: ${why}\n`);
          continue;
        }
        if (opts.text) {
          process.stdout.write(text.endsWith('\n') ? text : text + '\n');
          continue;
        }
        const languageId = /\.(md|markdown)$/i.test(file) ? 'markdown' : 'plaintext';
        // The file's own metadata date anchors the text when --date does not.
        const analysis = engine(text, { documentDate: opts.date, metadataDate: source?.date, languageId });
        const pages = source?.pages;
        const mentions = pages ? analysis.mentions.map((m) => ({ ...m, page: pageAt(pages, m.start) })) : analysis.mentions;
        const kind = source ? { kind: source.kind } : {};
        process.stdout.write(opts.json ? JSON.stringify({ document: file, ...kind, ...analysis, mentions }) + '\n' : table(file, analysis, pages));
      }
      process.exitCode = failed ? 1 : 0;
    });
}

function table(file: string, a: Analysis, pages?: ExtractedSource['pages']): string {
  const names = new Map(a.entities.map((e) => [e.id, e]));
  const lines = [`${file}  (document date ${a.documentDate ?? 'unknown'}, from ${a.documentDateSource}; ${a.mentions.length} mentions, ${a.entities.length} entities)`];
  const width = Math.min(40, a.mentions.reduce((w, m) => Math.max(w, m.text.length), 4));
  for (const m of a.mentions) {
    const e = names.get(m.entity);
    const extra = e?.value ? `= ${e.value}` : e && e.canonical !== m.text ? `-> ${e.canonical}` : '';
    const page = pages ? `p. ${pageAt(pages, m.start) ?? '?'}`.padEnd(7) : '';
    lines.push(`  ${String(m.start).padStart(7)}  ${page}${m.type.padEnd(6)}  ${m.text.slice(0, 40).padEnd(width)}  ${extra}`.trimEnd());
  }
  return lines.join('\n') + '\n\n';
}
