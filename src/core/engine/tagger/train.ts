// Training: gold entity spans become BILOU labels over the engine's own tokens, each line a
// sequence; the averaged perceptron makes `epochs` passes in a seeded shuffled order, so the
// same data and seed always give the same weights.
import type { RuleMention } from './features';
import { NameType, TokenSpan, encodeSpans, isNameType } from './labels';
import { Example, Perceptron, Trainer } from './perceptron';
import { prepare } from './prepare';

export interface GoldSpan {
  start: number;
  end: number;
  type: string;
}

/** One training document with the rules' mentions already found on it. */
export interface TrainDoc {
  text: string;
  gold: GoldSpan[];
  rules: RuleMention[];
  weight: number;
  /** Only the sequences that meet these ranges become examples (the corrections loop). */
  only?: { start: number; end: number }[];
}

export function examplesOf(doc: TrainDoc): Example[] {
  const p = prepare(doc.text, doc.rules);
  const spans: TokenSpan[] = [];
  let t = 0;
  for (const g of [...doc.gold].sort((a, b) => a.start - b.start)) {
    if (!isNameType(g.type)) continue;
    while (t < p.tokens.length && p.tokens[t].end <= g.start) t++;
    let e = t;
    while (e < p.tokens.length && p.tokens[e].start < g.end) e++;
    if (e > t && (!spans.length || spans[spans.length - 1].last <= t)) spans.push({ first: t, last: e, type: g.type as NameType });
  }
  const gold = encodeSpans(p.tokens.length, spans);
  const wanted = (from: number, to: number): boolean => !doc.only || doc.only.some((r) => p.tokens[from].start < r.end && r.start < p.tokens[to - 1].end);
  return p.sequences
    .filter((s) => !s.skip && wanted(s.from, s.to))
    .map((s) => ({ feats: p.feats.slice(s.from, s.to), words: p.words.slice(s.from, s.to), gold: gold.slice(s.from, s.to), weight: doc.weight }));
}

/** mulberry32: a tiny seeded generator, enough for a reproducible shuffle. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function train(examples: Example[], epochs: number, seed: number, onEpoch?: (epoch: number, errors: number) => void): Perceptron {
  const trainer = new Trainer();
  const random = seeded(seed);
  const order = examples.map((_, i) => i);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    for (const i of order) errors += trainer.learn(examples[i]);
    onEpoch?.(e, errors);
  }
  return trainer.averaged();
}
