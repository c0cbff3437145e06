// `dossier index [DIR]`: index a folder into DIR/.dossier/, with a progress bar on a terminal and
// a summary; a second run over an unchanged folder re-analyses nothing and says so.
import { SingleBar, Presets } from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { ENTITY_TYPES } from '../../core/model';
import type { EntityIndex, IndexDiagnostic, ScanSummary } from '../../core/index/index';
import { dbOption, openCommandIndex, openFolderTeamIndex } from '../teamIndex';
import { indexWithWorkers } from '../teamQueue';
import { AnalysisPool } from '../analysisPool';
import { warmIndex } from '../warmIndex';

export function registerIndex(program: Command): void {
  program
    .command('index')
    .description('Index every .txt, .md, .pdf, .html and .docx file under DIR (default: the current folder) into DIR/.dossier/.')
    .argument('[dir]', 'folder to index', '.')
    .option('--max-size <MB>', 'skip files larger than this many megabytes', parseMegabytes, 5)
    .option('--json', 'print the summary as JSON')
    .addOption(dbOption())
    .option('--workers <n>', 'with --db: analyse in N worker processes that share the team index\'s work queue with other machines', parsePositive)
    .option('--claim-ttl <seconds>', 'with --workers: how long a claimed document stays reserved for a silent worker', parsePositive, 60)
    .action(async (dir: string, opts: { maxSize: number; json?: boolean; db?: string; workers?: number; claimTtl: number }) => {
      if (opts.workers && !opts.db) throw new Error('--workers needs the team index: --db postgres://… or $DOSSIER_DB.');
      // An unchanged folder: the answer of the last full run, from its snapshot (see warmIndex.ts).
      const warm = opts.db ? undefined : await warmIndex(dir, opts.maxSize);
      if (warm) {
        const out = { counts: warm.entities, orphans: warm.orphans };
        process.stdout.write(opts.json ? JSON.stringify(summaryJson(out, warm.summary, []), null, 2) + '\n' : summaryText(out, warm.summary, dir));
        return;
      }
      const team = opts.workers && opts.db ? await openFolderTeamIndex(opts.db, dir, { maxFileSizeMB: opts.maxSize }) : undefined;
      // Without the work queue: one analysis thread per core (DOSSIER_THREADS overrides), started only if a file changed.
      const pool = team ? undefined : AnalysisPool.create();
      const analyzer = pool ? { analyze: pool.analyze, concurrency: pool.size } : undefined;
      const { index, publish, close } = team ?? (await openCommandIndex(opts.db, dir, { maxFileSizeMB: opts.maxSize, analyzer }));
      try {
        const summary = team && opts.db && opts.workers
          ? await indexWithWorkers(team, dir, opts.db, { workers: opts.workers, claimTtl: opts.claimTtl, maxSize: opts.maxSize })
          : await scanWithProgress(index);
        await publish();
        const out = { counts: entityCounts(index), orphans: index.orphans().length };
        process.stdout.write(opts.json ? JSON.stringify(summaryJson(out, summary, index.diagnostics()), null, 2) + '\n' : summaryText(out, summary, dir));
        reportDiagnostics(index);
        // As `extract`: an input that could not be read (damaged, encrypted, no text) exits 1.
        if (summary.skipped.some((s) => s.code === 'read-failed' || s.code?.startsWith('source-'))) process.exitCode = 1;
      } finally {
        await close();
        await pool?.close();
      }
    });
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

function parseMegabytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number of megabytes');
  return n;
}

async function scanWithProgress(index: EntityIndex): Promise<ScanSummary> {
  const tty = process.stderr.isTTY === true;
  const bar = tty ? new SingleBar({ format: 'indexing [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true, stream: process.stderr }, Presets.shades_classic) : undefined;
  let started = false;
  try {
    return await index.scan((p) => {
      if (!bar) return;
      if (!started) {
        bar.start(p.total, 0, { file: '' });
        started = true;
      }
      bar.update(p.done, { file: p.path.length > 40 ? `…${p.path.slice(-39)}` : p.path });
    });
  } finally {
    bar?.stop();
  }
}

export function entityCounts(index: EntityIndex): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0]));
  for (const e of index.entities()) counts[e.type]++;
  return counts;
}

interface Outcome {
  counts: Record<string, number>;
  orphans: number;
}

function summaryText({ counts, orphans }: Outcome, s: ScanSummary, dir: string): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const lines = [
    `Indexed ${s.documents} document${s.documents === 1 ? '' : 's'} in ${dir} (${(s.ms / 1000).toFixed(1)} s).`,
    s.analysed === 0 && s.documents > 0
      ? `Re-analysed 0 documents: nothing changed since the last run (${s.fromCache} from the cache).`
      : `Analysed ${s.analysed}, ${s.fromCache} from the cache.`,
    `Entities: ${total} (${counts.PERSON} people, ${counts.ORG} organisations, ${counts.PLACE} places, ${counts.DATE} dates).`,
  ];
  if (s.removed) lines.push(`Dropped ${s.removed} document${s.removed === 1 ? '' : 's'} no longer in the folder.`);
  for (const k of s.skipped) lines.push(`Skipped ${k.path}: ${k.reason}`);
  if (orphans) lines.push(`${orphans} annotation${orphans === 1 ? '' : 's'} could not be re-anchored (orphans); none were deleted.`);
  return lines.join('\n') + '\n';
}

function summaryJson({ counts, orphans }: Outcome, s: ScanSummary, diagnostics: readonly IndexDiagnostic[]): object {
  return { ...s, entities: counts, orphans, diagnostics };
}

/** Warnings and errors go to stderr so they are seen even when stdout is piped. */
export function reportDiagnostics(index: EntityIndex): void {
  for (const d of index.diagnostics()) {
    if (d.code === 'too-large') continue; // already in the summary
    process.stderr.write(`dossier: ${d.severity}: ${d.message}\n`);
  }
  if (index.readOnly) process.stderr.write(`dossier: ${index.readOnlyReason}\n`);
}
