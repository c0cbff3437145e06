// Runs the engine and the raw-compromise baseline over gold documents and formats the result:
// the table printed by `dossier eval`, its JSON form and the error listing.
import type { Analysis, AnalyzeOptions, EntityType } from '../../model';
import { ENTITY_TYPES } from '../../model';
import { MentionError, Score, ScoredDocument, bcubedF1, dateAccuracy, emptyScore, micro, prf, scoreDocument } from './score';

export interface GoldDocument extends ScoredDocument {
  name: string;
  text: string;
}
export type Analyzer = (text: string, opts: AnalyzeOptions) => Analysis;

export interface SystemReport {
  score: Score;
  errors: { document: string; text: string; error: MentionError }[];
  millis: number;
}

export function evaluate(docs: GoldDocument[], analyzer: Analyzer): SystemReport {
  const score = emptyScore();
  const errors: SystemReport['errors'] = [];
  const t0 = Date.now();
  for (const d of docs) {
    // The gold's document date is the document's creation time, as a corpus records it: metadata.
    const sys = analyzer(d.text, { metadataDate: d.documentDate ?? undefined });
    for (const error of scoreDocument(d, sys, score)) errors.push({ document: d.name, text: d.text, error });
  }
  return { score, errors, millis: Date.now() - t0 };
}

const f = (x: number): string => x.toFixed(2);

export function summary(r: SystemReport): Record<string, unknown> {
  const perType: Record<string, unknown> = {};
  for (const t of ENTITY_TYPES) perType[t] = { strict: prf(r.score.strict[t]), overlap: prf(r.score.overlap[t]), counts: r.score.strict[t] };
  return { perType, strict: micro(r.score.strict), overlap: micro(r.score.overlap), dateValueAccuracy: dateAccuracy(r.score), dateValues: r.score.dateValues, bcubedF1: bcubedF1(r.score), millis: r.millis };
}

export function formatTable(ours: SystemReport, base: SystemReport, documents: number): string {
  const lines: string[] = [];
  const row = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(8) : c.padStart(i % 4 === 0 ? 10 : 6))).join(' ');
  lines.push(`${documents} documents`);
  lines.push(row(['', 'P', 'R', 'F1', 'overlap', 'P', 'R', 'F1', 'overlap']));
  lines.push(row(['', 'ours', '', '', '', 'compromise', '', '', '']).replace(/\s+$/, ''));
  const types: (EntityType | 'micro')[] = [...ENTITY_TYPES, 'micro'];
  for (const t of types) {
    const s1 = t === 'micro' ? micro(ours.score.strict) : prf(ours.score.strict[t]);
    const o1 = t === 'micro' ? micro(ours.score.overlap) : prf(ours.score.overlap[t]);
    const s2 = t === 'micro' ? micro(base.score.strict) : prf(base.score.strict[t]);
    const o2 = t === 'micro' ? micro(base.score.overlap) : prf(base.score.overlap[t]);
    lines.push(row([t, f(s1.p), f(s1.r), f(s1.f1), f(o1.f1), f(s2.p), f(s2.r), f(s2.f1), f(o2.f1)]));
  }
  lines.push(`DATE value accuracy: ours ${f(dateAccuracy(ours.score))} (${ours.score.dateValues.correct}/${ours.score.dateValues.total}), compromise ${f(dateAccuracy(base.score))} (${base.score.dateValues.correct}/${base.score.dateValues.total})`);
  lines.push(`B-cubed F1: ours ${f(bcubedF1(ours.score))}, compromise ${f(bcubedF1(base.score))}`);
  lines.push(`time: ours ${ours.millis} ms, compromise ${base.millis} ms`);
  lines.push(
    `micro F1: ours strict ${f(micro(ours.score.strict).f1)} overlap ${f(micro(ours.score.overlap).f1)} | compromise strict ${f(micro(base.score.strict).f1)} overlap ${f(micro(base.score.overlap).f1)}`,
  );
  return lines.join('\n');
}

export function formatErrors(r: SystemReport): string {
  const ctx = (text: string, s: number, e: number): string =>
    `${text.slice(Math.max(0, s - 30), s)}[${text.slice(s, e)}]${text.slice(e, e + 30)}`.replace(/\s+/g, ' ');
  return r.errors
    .map(({ document, text, error: e }) => {
      const m = e.system ?? e.gold!;
      const what = e.kind === 'FN' ? `${e.gold!.type}` : e.kind === 'FP' ? `${e.system!.type}` : `${e.system!.type} vs gold ${e.gold!.type} "${e.gold!.text}"`;
      return `${e.kind.padEnd(5)} ${document}: ${what} ${e.detail ?? ''} :: ${ctx(text, m.start, m.end)}`;
    })
    .join('\n');
}

/** Strict and overlap F1 per type for several systems, one column pair each, with their times. */
export function formatSideBySide(systems: { name: string; report: SystemReport }[]): string {
  const cell = (s: string): string => s.padStart(16);
  const lines = ['strict / overlap F1' + systems.map((s) => cell(s.name)).join('')];
  for (const t of [...ENTITY_TYPES, 'micro'] as (EntityType | 'micro')[]) {
    const cells = systems.map(({ report: r }) => {
      const s = t === 'micro' ? micro(r.score.strict) : prf(r.score.strict[t]);
      const o = t === 'micro' ? micro(r.score.overlap) : prf(r.score.overlap[t]);
      return cell(`${f(s.f1)} / ${f(o.f1)}`);
    });
    lines.push(t.padEnd(19) + cells.join(''));
  }
  lines.push('time (ms)'.padEnd(19) + systems.map((s) => cell(String(s.report.millis))).join(''));
  return lines.join('\n');
}
