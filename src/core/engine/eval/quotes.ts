// Quote scoring: precision/recall/F1 by span overlap (one-to-one, in order) and speaker accuracy
// on the matched quotes. Gold files hold offsets, kind and speaker id only, never the text, so
// gold for a copyrighted article can be committed while the article stays outside the repo.
import type { Quote, QuoteKind } from '../../model';

export interface GoldQuote {
  start: number;
  end: number;
  kind: QuoteKind;
  speaker: string | null;
}

export interface QuoteGoldFile {
  /** The document, relative to the gold file. */
  document: string;
  quotes: GoldQuote[];
}

export interface QuoteScore {
  tp: number;
  fp: number;
  fn: number;
  speakerCorrect: number;
}

export interface QuoteError {
  kind: 'FP' | 'FN' | 'SPEAKER';
  start: number;
  end: number;
  detail: string;
}

export const emptyQuoteScore = (): QuoteScore => ({ tp: 0, fp: 0, fn: 0, speakerCorrect: 0 });

/** Adds one document into `into`; returns its errors. */
export function scoreQuotes(gold: GoldQuote[], system: Quote[], into: QuoteScore): QuoteError[] {
  const errors: QuoteError[] = [];
  const used = new Set<GoldQuote>();
  for (const s of system) {
    const g = gold.find((x) => !used.has(x) && x.start < s.end && s.start < x.end);
    if (!g) {
      into.fp++;
      errors.push({ kind: 'FP', start: s.start, end: s.end, detail: `speaker ${s.speaker ?? 'unattributed'}` });
      continue;
    }
    used.add(g);
    into.tp++;
    if (g.speaker === s.speaker) into.speakerCorrect++;
    else errors.push({ kind: 'SPEAKER', start: s.start, end: s.end, detail: `gold ${g.speaker ?? 'unattributed'}, got ${s.speaker ?? 'unattributed'}` });
  }
  for (const g of gold) {
    if (used.has(g)) continue;
    into.fn++;
    errors.push({ kind: 'FN', start: g.start, end: g.end, detail: `speaker ${g.speaker ?? 'unattributed'}` });
  }
  return errors;
}

export function quoteSummary(s: QuoteScore): { precision: number; recall: number; f1: number; speakerAccuracy: number; matched: number } {
  const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 0;
  const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  return { precision: round(p), recall: round(r), f1: round(f1), speakerAccuracy: round(s.tp ? s.speakerCorrect / s.tp : 0), matched: s.tp };
}

export function formatQuoteTable(s: QuoteScore, documents: number): string {
  const q = quoteSummary(s);
  const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);
  return [
    `Quotes (${documents} documents, span overlap)`,
    '            P      R     F1  speaker acc.',
    `quotes ${pct(q.precision)} ${pct(q.recall)} ${pct(q.f1)} ${pct(q.speakerAccuracy)}  (${q.matched} matched, ${s.fp} FP, ${s.fn} FN)`,
  ].join('\n');
}

/** Errors with a little context, for `dossier eval --errors`. */
export function formatQuoteErrors(name: string, text: string, errors: QuoteError[]): string {
  return errors.map((e) => `${name} ${e.kind} [${e.start},${e.end}) ${e.detail}: ${JSON.stringify(text.slice(e.start, Math.min(e.end, e.start + 80)))}`).join('\n');
}
