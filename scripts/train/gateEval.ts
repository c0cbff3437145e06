// Fast scoring for the gate search in `npm run train`: the rules' answer and the tagger's labels
// do not depend on the gate, so each document is analysed and tagged once ("frozen"), and each
// candidate gate only re-runs combine(). Strict micro F1 over the name types, as nameF1 computes
// it with the whole pipeline (main.ts checks that the two agree on the chosen gate).
import { analyzeRules } from '../../src/core/engine/index';
import type { Mention } from '../../src/core/model';
import type { GoldDocument } from '../../src/core/engine/eval/report';
import type { Placed } from '../../src/core/engine/grouping';
import type { Token } from '../../src/core/engine/tokens';
import type { Perceptron } from '../../src/core/engine/tagger/perceptron';
import { prepare, tag, Tagging } from '../../src/core/engine/tagger/prepare';
import { Gates, combine } from '../../src/core/engine/tagger/combine';

export interface Frozen {
  text: string;
  gold: Set<string>;
  rules: Placed[];
  tokens: Token[];
  tagging: Tagging;
}

const key = (m: { start: number; end: number; type: string }): string => `${m.start}:${m.end}:${m.type}`;

/** The rules' mentions of each document, once: the slow part, shared by every model scored. */
export function rulesOf(docs: GoldDocument[], run: (d: GoldDocument) => Mention[] = (d) => analyzeRules(d.text, { metadataDate: d.documentDate ?? undefined }).mentions): Placed[][] {
  return docs.map((d) => run(d).map((m) => ({ start: m.start, end: m.end, type: m.type, source: m.source, confidence: m.confidence, text: m.text }) as Placed));
}

export function freeze(model: Perceptron, docs: GoldDocument[], rules: Placed[][]): Frozen[] {
  return docs.map((d, i) => {
    const p = prepare(d.text, rules[i]);
    return { text: d.text, gold: new Set(d.mentions.filter((m) => m.type !== 'DATE').map(key)), rules: rules[i], tokens: p.tokens, tagging: tag(model, p) };
  });
}

export function fastF1(frozen: Frozen[], gates: Gates): number {
  let tp = 0;
  let sys = 0;
  let gold = 0;
  for (const f of frozen) {
    gold += f.gold.size;
    for (const m of combine(f.text, f.rules, f.tagging, f.tokens, gates)) {
      if (m.type === 'DATE') continue;
      sys++;
      if (f.gold.has(key(m))) tp++;
    }
  }
  return tp === 0 ? 0 : (2 * tp) / (sys + gold);
}
