// The quote part of `dossier eval`: NAME.quotes.gold.json beside NAME.txt in the eval folder, and
// any *.quotes.gold.json in --quotes-gold DIR whose "document" points at the text (relative to
// the gold file), so gold for an article kept outside the repo needs no copy of it.
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../../core/engine/index';
import { emptyQuoteScore, formatQuoteErrors, formatQuoteTable, quoteSummary, QuoteGoldFile, QuoteScore, scoreQuotes } from '../../core/engine/eval/quotes';

interface QuoteDoc {
  name: string;
  text: string;
  gold: QuoteGoldFile;
}

export interface QuoteEval {
  documents: number;
  score: QuoteScore;
  errors: string;
}

export function loadQuoteGold(dir: string | undefined, goldDir: string | undefined): QuoteDoc[] {
  const docs: QuoteDoc[] = [];
  const read = (goldPath: string, textPath: (g: QuoteGoldFile) => string): void => {
    try {
      const gold = JSON.parse(fs.readFileSync(goldPath, 'utf8')) as QuoteGoldFile;
      if (!Array.isArray(gold.quotes)) throw new Error('no "quotes" array');
      docs.push({ name: path.basename(goldPath).replace(/\.quotes\.gold\.json$/, ''), text: fs.readFileSync(textPath(gold), 'utf8'), gold });
    } catch (err) {
      process.stderr.write(`dossier eval: skipping quote gold ${goldPath}: ${(err as Error).message}\n`);
    }
  };
  for (const n of list(dir).filter((x) => x.endsWith('.txt'))) {
    const goldPath = path.join(dir!, n.replace(/\.txt$/, '.quotes.gold.json'));
    if (fs.existsSync(goldPath)) read(goldPath, () => path.join(dir!, n));
  }
  for (const n of list(goldDir).filter((x) => x.endsWith('.quotes.gold.json'))) {
    read(path.join(goldDir!, n), (g) => path.resolve(goldDir!, g.document));
  }
  return docs;
}

function list(dir: string | undefined): string[] {
  if (!dir) return [];
  try {
    return fs.readdirSync(dir).sort();
  } catch (err) {
    process.stderr.write(`dossier eval: cannot read ${dir}: ${(err as Error).message}\n`);
    return [];
  }
}

export function evaluateQuotes(docs: QuoteDoc[]): QuoteEval {
  const score = emptyQuoteScore();
  const errors: string[] = [];
  for (const d of docs) {
    const errs = scoreQuotes(d.gold.quotes, analyze(d.text).quotes ?? [], score);
    if (errs.length) errors.push(formatQuoteErrors(d.name, d.text, errs));
  }
  return { documents: docs.length, score, errors: errors.join('\n') };
}

export const quoteJson = (e: QuoteEval): object => ({ documents: e.documents, ...quoteSummary(e.score) });
export const quoteText = (e: QuoteEval, withErrors: boolean): string => (withErrors && e.errors ? e.errors + '\n\n' : '') + formatQuoteTable(e.score, e.documents);
