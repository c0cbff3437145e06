// Learning from the researcher's corrections: each corrected document (its confirmed, added,
// relabelled and rejected mentions applied) is a training example, and the shipped model is
// adapted to the workspace with online perceptron updates over the corrected sentences only.
// Deterministic: the same corrections in the same order always give the same model.
import type { LoadedTagger } from './index';
import type { RuleMention } from './features';
import { adapt } from './perceptron';
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

/** How many passes over the corrections, and how hard each error pushes. */
const EPOCHS = 4;
const WEIGHT = 1;

export function adaptToCorrections(base: LoadedTagger, docs: CorrectedDocument[]): LoadedTagger {
  const examples = docs.flatMap((d) => {
    const lines = touchedLines(d.text, d.touched);
    return examplesOf({ text: d.text, gold: d.names, rules: d.rules, weight: WEIGHT, only: lines });
  });
  if (!examples.length) return base;
  // Corrections must clear the strictest finite gate, or the rules would keep overruling them.
  const gate = Math.max(1, ...Object.values(base.gates).filter(Number.isFinite));
  return { model: adapt(base.model, examples, EPOCHS, 2 * gate), gates: base.gates, adapted: true };
}

/** The [start, end) ranges of the lines holding a ruled-on mention. */
function touchedLines(text: string, touched: { start: number; end: number }[]): { start: number; end: number }[] {
  return touched.map((t) => {
    const start = text.lastIndexOf('\n', Math.max(0, t.start - 1)) + 1;
    const nl = text.indexOf('\n', t.end);
    return { start, end: nl < 0 ? text.length : nl };
  });
}
