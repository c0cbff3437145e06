// `dossier eval DIR`: scores the engine and raw compromise on every NAME.txt with a
// NAME.gold.json beside it (strict/overlap P/R/F1, DATE values, B-cubed), side by side.
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, analyzeBaseline } from '../../core/engine/index';
import { GoldDocument, evaluate, formatErrors, formatTable, summary } from '../../core/engine/eval/report';
import { evaluateQuotes, loadQuoteGold, quoteJson, quoteText } from './evalQuotes';

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score the engine (and raw compromise) against NAME.gold.json files in DIR')
    .argument('<dir>', 'folder holding NAME.txt + NAME.gold.json pairs')
    .option('--json', 'machine-readable output')
    .option('--errors', 'list false positives/negatives, type, span and value errors with context')
    .option('--quotes-gold <dir>', 'also score quotes against *.quotes.gold.json files here ("document" is relative to each)')
    .action((dir: string, opts: { json?: boolean; errors?: boolean; quotesGold?: string }) => {
      const docs = loadGold(dir);
      const quoteDocs = loadQuoteGold(dir, opts.quotesGold);
      const quotes = quoteDocs.length ? evaluateQuotes(quoteDocs) : null;
      if (!docs.length && quotes) {
        process.stdout.write((opts.json ? JSON.stringify({ quotes: quoteJson(quotes) }) : quoteText(quotes, !!opts.errors)) + '\n');
        return;
      }
      if (!docs.length) {
        process.stderr.write(`dossier eval: no NAME.txt with NAME.gold.json found in ${dir}\n`);
        process.exit(2);
      }
      const ours = evaluate(docs, analyze);
      const base = evaluate(docs, analyzeBaseline);
      if (opts.json) {
        process.stdout.write(JSON.stringify({ documents: docs.length, ours: summary(ours), compromise: summary(base), ...(quotes ? { quotes: quoteJson(quotes) } : {}) }) + '\n');
      } else {
        if (opts.errors) process.stdout.write(formatErrors(ours) + '\n\n');
        process.stdout.write(formatTable(ours, base, docs.length) + '\n');
        if (quotes) process.stdout.write('\n' + quoteText(quotes, !!opts.errors) + '\n');
      }
    });
}

function loadGold(dir: string): GoldDocument[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (err) {
    process.stderr.write(`dossier eval: cannot read ${dir}: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const docs: GoldDocument[] = [];
  for (const n of names.filter((x) => x.endsWith('.txt')).sort()) {
    const goldPath = path.join(dir, n.replace(/\.txt$/, '.gold.json'));
    if (!fs.existsSync(goldPath)) continue;
    try {
      const gold = JSON.parse(fs.readFileSync(goldPath, 'utf8')) as GoldDocument;
      docs.push({ ...gold, name: n, text: fs.readFileSync(path.join(dir, n), 'utf8') });
    } catch (err) {
      process.stderr.write(`dossier eval: skipping ${n}: ${(err as Error).message}\n`);
    }
  }
  return docs;
}
