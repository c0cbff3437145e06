// An averaged perceptron over hashed features with greedy left-to-right decoding: each token's
// label is chosen with the two previous labels as features, under BILOU constraints. Weights
// live in one fixed-size table indexed by hash(feature, label), so the model is compact.
import { LABEL_COUNT, LABELS, allowed } from './labels';

export const TABLE_BITS = 21;

/** FNV-1a over UTF-16 code units: fast and stable across platforms. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export const slot = (h: number, label: number, mask: number): number => (Math.imul(h ^ Math.imul(label + 1, 0x9e3779b1), 0x85ebca6b) >>> 11) & mask;

export class Perceptron {
  readonly weights: Float32Array;
  readonly mask: number;
  constructor(weights?: Float32Array) {
    this.weights = weights ?? new Float32Array(1 << TABLE_BITS);
    this.mask = this.weights.length - 1;
  }

  scores(feats: Uint32Array, out: Float64Array): void {
    for (let l = 0; l < LABEL_COUNT; l++) {
      let s = 0;
      for (let k = 0; k < feats.length; k++) s += this.weights[slot(feats[k], l, this.mask)];
      out[l] = s;
    }
  }
}

export const hashFeatures = (feats: string[]): Uint32Array => Uint32Array.from(feats, hashString);

export function historyFeatures(staticFeats: Uint32Array, word: string, p1: number, p2: number): Uint32Array {
  const out = new Uint32Array(staticFeats.length + 3);
  out.set(staticFeats);
  const a = LABELS[p1] ?? '<s>';
  out[staticFeats.length] = hashString(`p1=${a}`);
  out[staticFeats.length + 1] = hashString(`p2p1=${LABELS[p2] ?? '<s>'}|${a}`);
  out[staticFeats.length + 2] = hashString(`p1w=${a}|${word}`);
  return out;
}

export interface Decoded {
  labels: Uint8Array;
  /** Per token: best score minus the best other allowed label's. */
  margins: Float32Array;
}

/** The best allowed label given scores; ties go to the lower index (O first). */
function best(scores: Float64Array, prev: number): { label: number; margin: number } {
  let top = -1;
  let second = -Infinity;
  for (let l = 0; l < LABEL_COUNT; l++) {
    if (!allowed(prev, l)) continue;
    if (top < 0 || scores[l] > scores[top]) {
      if (top >= 0) second = Math.max(second, scores[top]);
      top = l;
    } else second = Math.max(second, scores[l]);
  }
  return { label: top, margin: scores[top] - second };
}

export function decode(model: Perceptron, feats: Uint32Array[], words: string[]): Decoded {
  const labels = new Uint8Array(feats.length);
  const margins = new Float32Array(feats.length);
  const scores = new Float64Array(LABEL_COUNT);
  for (let i = 0; i < feats.length; i++) {
    const p1 = i > 0 ? labels[i - 1] : -1;
    const p2 = i > 1 ? labels[i - 2] : -1;
    model.scores(historyFeatures(feats[i], words[i], p1, p2), scores);
    // A span still open at the end of the sequence may only continue to its last token.
    const b = best(scores, p1);
    labels[i] = b.label;
    margins[i] = b.margin;
  }
  return { labels, margins };
}

export interface Example {
  feats: Uint32Array[];
  words: string[];
  gold: Uint8Array;
  /** How much an error here moves the weights (corpus weighting). */
  weight: number;
}

/** Averaged-perceptron training state (the "lazy average" trick: avg = w - u / c). */
export class Trainer {
  readonly model = new Perceptron();
  private readonly sums: Float32Array;
  private c = 1;
  constructor() {
    this.sums = new Float32Array(this.model.weights.length);
  }

  private update(feats: Uint32Array, label: number, delta: number): void {
    const { weights, mask } = this.model;
    for (let k = 0; k < feats.length; k++) {
      const s = slot(feats[k], label, mask);
      weights[s] += delta;
      this.sums[s] += this.c * delta;
    }
  }

  /** One pass over a sequence, following the gold history (so errors stay local). Returns errors. */
  learn(ex: Example, margin = 0): number {
    const scores = new Float64Array(LABEL_COUNT);
    let errors = 0;
    for (let i = 0; i < ex.feats.length; i++) {
      const p1 = i > 0 ? ex.gold[i - 1] : -1;
      const p2 = i > 1 ? ex.gold[i - 2] : -1;
      const feats = historyFeatures(ex.feats[i], ex.words[i], p1, p2);
      this.model.scores(feats, scores);
      const gold = ex.gold[i];
      // With a margin (the corrections loop), a correct label that is not yet sure also updates,
      // against the best other label, so a correction outweighs the gate.
      let pred = best(scores, p1).label;
      if (margin > 0 && pred === gold) {
        const saved = scores[gold];
        scores[gold] = -Infinity;
        const rival = best(scores, p1).label;
        scores[gold] = saved;
        if (rival >= 0 && saved - scores[rival] < margin) pred = rival;
      }
      if (pred !== gold) {
        errors++;
        this.update(feats, gold, ex.weight);
        this.update(feats, pred, -ex.weight);
      }
      this.c++;
    }
    return errors;
  }

  averaged(): Perceptron {
    const w = new Float32Array(this.model.weights.length);
    for (let i = 0; i < w.length; i++) w[i] = this.model.weights[i] - this.sums[i] / this.c;
    return new Perceptron(w);
  }
}

/** Online updates on top of a trained model (the corrections loop): plain steps, so a few corrections weigh. */
export function adapt(model: Perceptron, examples: Example[], epochs: number, margin: number): Perceptron {
  const trainer = new Trainer();
  trainer.model.weights.set(model.weights);
  for (let e = 0; e < epochs; e++) for (const ex of examples) trainer.learn(ex, margin);
  return trainer.model;
}
