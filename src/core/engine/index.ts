// The entity engine's public API: analyze(), the incremental analyzer used by the extension's
// worker, the raw-compromise baseline for the eval, and the engine version (an index cache key).
import { Analysis, AnalyzeOptions } from '../model';
import { maskText } from './mask';
import { Paragraph, splitParagraphs } from './paragraphs';
import { analyzeParagraph } from './paragraphPass';
import { documentPass } from './documentPass';
import type { ParagraphResult } from './types';
import { analyzeBaseline as baseline } from './baseline';
import { findQuotes } from './quotes/index';
import { LoadedTagger, shippedTagger } from './tagger/index';
import { ENGINE_VERSION } from './version';

export { ENGINE_VERSION };

/** Beyond this many characters compromise's tagger is skipped (rules and gazetteer remain). */
const TAGGER_LIMIT = 1_000_000;

export interface IncrementalAnalyzer {
  /** Re-analyses only the paragraphs whose text changed since the previous call. */
  analyze(text: string, opts?: AnalyzeOptions): Analysis;
  /** How much work the last analyze() did: paragraphs seen and paragraphs actually re-analysed. */
  lastStats(): { paragraphs: number; reanalysed: number };
  dispose(): void;
}

function emptyAnalysis(opts: AnalyzeOptions): Analysis {
  const date = opts.documentDate && /^\d{4}-\d{2}-\d{2}$/.test(opts.documentDate) ? opts.documentDate : null;
  return { documentDate: date, documentDateSource: date ? 'caller' : 'none', entities: [], mentions: [], quotes: [], engineVersion: ENGINE_VERSION };
}

interface RunStats {
  paragraphs: number;
  reanalysed: number;
}

function run(text: string, opts: AnalyzeOptions, cache: Map<string, ParagraphResult> | null, stats?: RunStats, tagger: LoadedTagger | null = shippedTagger()): Analysis {
  if (stats) stats.paragraphs = stats.reanalysed = 0;
  if (typeof text !== 'string' || !text) return emptyAnalysis(opts);
  try {
    const masked = maskText(text, opts.languageId);
    const paragraphs: Paragraph[] = splitParagraphs(masked.text);
    const useTagger = masked.text.length <= TAGGER_LIMIT;
    const next = new Map<string, ParagraphResult>();
    const results = paragraphs.map((p) => {
      const key = (useTagger ? 't:' : 'r:') + p.text;
      const hit = cache?.get(key) ?? next.get(key);
      const result = hit ?? analyzeParagraph(p.text, { useTagger });
      if (stats) {
        stats.paragraphs++;
        if (!hit) stats.reanalysed++;
      }
      next.set(key, result);
      return result;
    });
    if (cache) {
      // Keep exactly the current document's paragraphs: memory stays one document deep.
      cache.clear();
      for (const [k, v] of next) cache.set(k, v);
    }
    const analysis = documentPass(text, masked, paragraphs, results, opts, ENGINE_VERSION, useTagger ? tagger : null);
    // Quotes are attributed over the final mentions; their mark pairing is cached per paragraph.
    analysis.quotes = findQuotes(text, masked.text, paragraphs, analysis.mentions);
    return analysis;
  } catch {
    return emptyAnalysis(opts);
  }
}

/** Analyses a whole document. Never throws. */
export function analyze(text: string, opts: AnalyzeOptions = {}): Analysis {
  return run(text, opts, null);
}

export function createIncrementalAnalyzer(): IncrementalAnalyzer {
  let cache: Map<string, ParagraphResult> | null = new Map();
  const stats: RunStats = { paragraphs: 0, reanalysed: 0 };
  return {
    analyze(text: string, opts: AnalyzeOptions = {}): Analysis {
      return run(text, opts, cache ?? new Map(), stats);
    },
    lastStats: () => ({ ...stats }),
    dispose(): void {
      cache?.clear();
      cache = null;
    },
  };
}

/** The rules alone (no trained tagger): the eval's comparison and the tagger's training evidence. */
export function analyzeRules(text: string, opts: AnalyzeOptions = {}): Analysis {
  return run(text, opts, null, undefined, null);
}

/** The engine with a given tagger (training, the corrections loop). */
export function analyzeWith(tagger: LoadedTagger | null, text: string, opts: AnalyzeOptions = {}): Analysis {
  return run(text, opts, null, undefined, tagger);
}

/** Raw compromise (people, places, organisations, dates) as the eval's comparison. */
export function analyzeBaseline(text: string, opts: AnalyzeOptions = {}): Analysis {
  return baseline(text, opts, `${ENGINE_VERSION}-baseline`);
}
