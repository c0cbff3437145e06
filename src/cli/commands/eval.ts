// `dossier eval DIR`: scores the engine (rules + tagger), the rules alone and raw compromise on
// every NAME.txt with a NAME.gold.json beside it (strict/overlap P/R/F1, DATE values, B-cubed).
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, analyzeBaseline, analyzeRules } from '../../core/engine/index';
import { GoldDocument, evaluate, formatErrors, formatSideBySide, formatTable, summary } from '../../core/engine/eval/report';
import { Simulation, simulateCorrections } from '../../core/engine/eval/simulate';
import { evaluateQuotes, loadQuoteGold, quoteJson, quoteText } from './evalQuotes';

interface EvalOptions {
  json?: boolean;
  errors?: boolean;
  split?: string;
  simulateCorrections?: boolean;
  quotesGold?: string;
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score the engine, the rules alone and raw compromise against NAME.gold.json files in DIR')
    .argument('<dir>', 'folder holding NAME.txt + NAME.gold.json pairs')
    .option('--json', 'machine-readable output')
    .option('--errors', 'list false positives/negatives, type, span and value errors with context')
    .option('--quotes-gold <dir>', 'also score quotes against *.quotes.gold.json files here ("document" is relative to each)')
    .option('--split <file:half>', 'score only the documents a split file lists under half (e.g. scripts/train/meantime-split.json:dev)')
    .option('--simulate-corrections', 'correct every error in the first half of each topic, then score the other half before and after (the default)')
    .option('--no-simulate-corrections', 'skip the corrections simulation')
    .action((dir: string, opts: EvalOptions) => {
      let docs = loadGold(dir);
      if (opts.split) docs = onlySplit(docs, opts.split);
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
      const rules = evaluate(docs, analyzeRules);
      const base = evaluate(docs, analyzeBaseline);
      // On by default: the corrections loop's figure belongs beside the engine's.
      const simulation = opts.simulateCorrections !== false ? simulateCorrections(docs) : undefined;
      if (opts.json) {
        process.stdout.write(JSON.stringify({ documents: docs.length, ours: summary(ours), rules: summary(rules), compromise: summary(base), ...(simulation ? { simulation } : {}), ...(quotes ? { quotes: quoteJson(quotes) } : {}) }) + '\n');
        return;
      }
      if (opts.errors) process.stdout.write(formatErrors(ours) + '\n\n');
      process.stdout.write(formatSideBySide([{ name: 'rules only', report: rules }, { name: 'rules+tagger', report: ours }, { name: 'compromise', report: base }]) + '\n\n');
      process.stdout.write(formatTable(ours, base, docs.length) + '\n');
      if (quotes) process.stdout.write('\n' + quoteText(quotes, !!opts.errors) + '\n');
      if (simulation) process.stdout.write('\n' + simulationText(simulation) + '\n');
    });
}

/** The simulation's figure, labelled with its split: which half was corrected, which was scored. */
export function simulationText(s: Simulation): string {
  const head = 'Corrections simulation (dev split: the first half of each topic by file name is corrected as a user would, the other half is unseen and scored)';
  if (!s.scored) return `${head}: not run, it needs two documents or a document of several lines.`;
  const delta = s.after.strict - s.before.strict;
  return `${head}:\n  ${s.corrected} documents corrected, ${s.scored} scored; strict micro-F1 on the unseen half ${s.before.strict.toFixed(3)} before -> ${s.after.strict.toFixed(3)} after (${delta >= 0 ? '+' : ''}${delta.toFixed(3)}; the lexicon alone ${s.lexiconOnly.strict.toFixed(3)})`;
}

function onlySplit(docs: GoldDocument[], spec: string): GoldDocument[] {
  const at = spec.lastIndexOf(':');
  const file = spec.slice(0, at);
  const half = spec.slice(at + 1);
  let ids: string[];
  try {
    ids = (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string[]>)[half];
    if (!Array.isArray(ids)) throw new Error(`no list "${half}" in it`);
  } catch (err) {
    process.stderr.write(`dossier eval: bad --split ${spec}: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const wanted = new Set(ids.map((id) => id.replace(/\.txt$/, '')));
  return docs.filter((d) => wanted.has(d.name.replace(/\.txt$/, '')));
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
