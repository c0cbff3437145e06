// `dossier push DIR --db URL` and `dossier pull DIR --db URL`: move a workspace index to the team
// index and back. Annotations are united by id on the receiving side (nothing of either side is
// lost), analyses travel with them (nothing is analysed again), and pull writes the server's text
// documents the folder lacks, with their modification time, so both sides compute the same keys.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { AnalysisCache } from '../../core/index/analysisCache';
import { ServerDocuments } from '../../core/index/pg/documents';
import { PgAnalysisStore, PgIndexStore } from '../../core/index/pg/pgStore';
import { redact, TeamDb } from '../../core/index/pg/teamDb';
import { ReadThroughAnalysisStore, uniteAnnotations } from '../../core/index/pg/transfer';
import { DossierStore } from '../../core/index/store';
import { sourceKindOf } from '../../core/sources/types';
import { NodeWorkspace, openFolderIndex } from '../nodeWorkspace';
import { dbOption, openFolderTeamIndex } from '../teamIndex';
import { entityCounts, reportDiagnostics } from './index';

interface TransferOptions {
  db?: string;
  json?: boolean;
}

function needDb(opts: TransferOptions, verb: string): string {
  if (!opts.db) throw new Error(`${verb} needs the team index: --db postgres://… or $DOSSIER_DB.`);
  return opts.db;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export function registerPush(program: Command): void {
  program
    .command('push')
    .description('Copy the index of DIR (its documents, annotations, entities and analyses) to the team index.')
    .argument('[dir]', 'the indexed folder', '.')
    .addOption(dbOption())
    .option('--json', 'print the summary as JSON')
    .action(async (dir: string, opts: TransferOptions) => {
      const url = needDb(opts, 'push');
      const local = await openFolderIndex(dir);
      let annotations;
      try {
        await local.index.scan();
        await local.index.flush();
        annotations = local.index.annotations();
        reportDiagnostics(local.index);
      } finally {
        local.index.dispose();
      }
      const db = await TeamDb.open(url);
      const united = await uniteAnnotations(new PgIndexStore(db), annotations).catch(async (err: unknown) => {
        await db.close();
        throw err;
      });
      const team = await openFolderTeamIndex(db, dir, {}, new AnalysisCache(local.workspace, true));
      try {
        const s = await team.index.scan();
        await team.publish();
        const entities = entityCounts(team.index);
        const summary = { documents: s.documents, analysed: s.analysed, annotations: annotations.length, annotationsAdded: united.added, annotationsOnServer: united.total, entities };
        process.stdout.write(opts.json ? JSON.stringify(summary, null, 2) + '\n' :
          `Pushed ${s.documents} documents, ${annotations.length} annotations (${united.added} new on the server, ${united.total} there now) and ${total(entities)} entities to ${redact(url)}.\n`);
      } finally {
        await team.close();
      }
    });
}

export function registerPull(program: Command): void {
  program
    .command('pull')
    .description('Copy the team index into DIR/.dossier/ (annotations, entities, analyses), writing the text documents DIR lacks.')
    .argument('[dir]', 'the folder to pull into (created when missing)', '.')
    .addOption(dbOption())
    .option('--json', 'print the summary as JSON')
    .action(async (dir: string, opts: TransferOptions) => {
      const url = needDb(opts, 'pull');
      fs.mkdirSync(dir, { recursive: true });
      const ws = new NodeWorkspace(dir);
      const db = await TeamDb.open(url);
      const notes: string[] = [];
      let written = 0;
      let united;
      try {
        const docs = new ServerDocuments(db);
        for (const [rel, stat] of await docs.all()) {
          if (fs.existsSync(path.join(ws.root, ...rel.split('/')))) continue;
          // Extracted text is not the PDF/DOCX/HTML it came from: annotations on it wait, as orphans, for the file.
          if (sourceKindOf(rel)) {
            notes.push(`${rel} is not in the folder (only its extracted text is on the server).`);
            continue;
          }
          const text = await docs.readFile(rel);
          try {
            await ws.writeFileAtomic(rel, text ?? '');
            if (stat.mtime > 0) fs.utimesSync(path.join(ws.root, ...rel.split('/')), new Date(stat.mtime), new Date(stat.mtime));
            written++;
          } catch (err) {
            notes.push(`Skipped ${JSON.stringify(rel)}: ${err instanceof Error ? err.message : String(err)}`);
          }
        }
        const server = await new PgIndexStore(db).loadAnnotations();
        united = await uniteAnnotations(new DossierStore(ws, (d) => notes.push(d.message)), server.items);
      } catch (err) {
        await db.close();
        throw err;
      }
      const { index } = await openFolderIndex(dir, { stores: { analyses: new ReadThroughAnalysisStore(new AnalysisCache(ws, true), new PgAnalysisStore(db)) } });
      try {
        const s = await index.scan();
        await index.flush();
        const entities = entityCounts(index);
        const summary = { documents: s.documents, written, analysed: s.analysed, annotationsAdded: united.added, annotations: united.total, entities, orphans: index.orphans().length };
        process.stdout.write(opts.json ? JSON.stringify(summary, null, 2) + '\n' :
          [`Pulled ${redact(url)} into ${dir}: ${s.documents} documents (${written} written), ${united.added} new annotations (${united.total} in .dossier/ now), ${total(entities)} entities.`, ...notes].join('\n') + '\n');
        reportDiagnostics(index);
      } finally {
        index.dispose();
        await db.close();
      }
    });
}
