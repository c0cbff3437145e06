// Learning from the researcher's corrections: each corrected document (its confirmed, added,
// relabelled and rejected mentions applied) is a training example, and the shipped model is
// adapted to the workspace with online updates over the corrected sentences only.
// Passive-aggressive steps: each token is moved just far enough to clear the gate, so a
// correction carries to names that share its features without swamping the trained weights.
// Deterministic: the same corrections in the same order always give the same model.
import type { LoadedTagger } from './index';
import type { RuleMention } from './features';
import { LABEL_COUNT, allowed } from './labels';
import { Example, Perceptron, historyFeatures, slot } from './perceptron';
import { examplesOf, GoldSpan } from './train';

export interface CorrectedDocument {
  text: string;
  /** The names the document holds once corrected (PERSON / ORG / PLACE; others are ignored). */
  names: GoldSpan[];
  /** What the rules found in it (the tagger's evidence, as at analysis time). */
  rules: RuleMention[];
  /** Offsets the researcher ruled on: only sentences holding one become examples. */
  touched: { start: number; end: number }[];
}

export interface AdaptOptions {
  epochs: number;
  /** The margin a corrected token should reach, as a multiple of the strictest finite gate. */
  reach: number;
  /** The same for a token outside any name (a rejected mention, say): 0 only fixes the mistake. */
  reachOutside: number;
  /** The largest step per feature and update (keeps one odd token from dominating). */
  cap: number;
}

// reach 2: the higher weak-retype gate of 0.9.4 (9) needs the corrected name to clear the gate with room to
// spare, so that it carries to the same kind of name in other words (MEANTIME simulation unchanged: 0.905 -> 0.909).
export const ADAPT: AdaptOptions = { epochs: 4, reach: 2, reachOutside: 0.5, cap: 4 };

export function adaptToCorrections(base: LoadedTagger, docs: CorrectedDocument[], opts: AdaptOptions = ADAPT): LoadedTagger {
  const examples = docs.flatMap((d) => examplesOf({ text: d.text, gold: d.names, rules: d.rules, weight: 1, only: touchedLines(d.text, d.touched) }));
  if (!examples.length) return base;
  const gate = Math.max(1, ...Object.values(base.gates).filter(Number.isFinite));
  const model = new Perceptron(Float32Array.from(base.model.weights));
  for (let e = 0; e < opts.epochs; e++) for (const ex of examples) step(model, ex, opts.reach * gate, opts.reachOutside * gate, opts.cap);
  return { model, gates: base.gates, adapted: true, base };
}

/** One pass over a sequence following the gold history; returns how many tokens moved. */
function step(model: Perceptron, ex: Example, target: number, outside: number, cap: number): number {
  const scores = new Float64Array(LABEL_COUNT);
  let moved = 0;
  for (let i = 0; i < ex.feats.length; i++) {
    const p1 = i > 0 ? ex.gold[i - 1] : -1;
    const p2 = i > 1 ? ex.gold[i - 2] : -1;
    const feats = historyFeatures(ex.feats[i], ex.words[i], p1, p2);
    model.scores(feats, scores);
    const gold = ex.gold[i];
    let rival = -1;
    for (let l = 0; l < LABEL_COUNT; l++) if (l !== gold && allowed(p1, l) && (rival < 0 || scores[l] > scores[rival])) rival = l;
    if (rival < 0) continue;
    const loss = (gold === 0 ? outside : target) - (scores[gold] - scores[rival]);
    if (loss <= 0) continue;
    const tau = Math.min(cap, loss / (2 * feats.length));
    for (let k = 0; k < feats.length; k++) {
      model.weights[slot(feats[k], gold, model.mask)] += tau;
      model.weights[slot(feats[k], rival, model.mask)] -= tau;
    }
    moved++;
  }
  return moved;
}

/** The [start, end) ranges of the lines holding a ruled-on mention. */
function touchedLines(text: string, touched: { start: number; end: number }[]): { start: number; end: number }[] {
  return touched.map((t) => {
    const start = text.lastIndexOf('\n', Math.max(0, t.start - 1)) + 1;
    const nl = text.indexOf('\n', t.end);
    return { start, end: nl < 0 ? text.length : nl };
  });
}
