// The shipped tagger, loaded on first use (importing the engine stays cheap), and the step the
// document pass calls: tag the document with the rules' mentions as evidence, then gate.
import type { Placed } from '../grouping';
import type { ModelFile } from './modelFile';
// Type-only: makes tsc ship the model beside the compiled engine without loading it at import.
import type modelJson from '../../data/tagger.model.json';
import { loadModel } from './modelFile';
import { Perceptron } from './perceptron';
import { prepare, tag } from './prepare';
import { Gates, TYPED_GATE_KEYS, combine } from './combine';

export interface LoadedTagger {
  model: Perceptron;
  gates: Gates;
  /** Adapted to the workspace's corrections: its mentions say so (the hover card shows it). */
  adapted?: boolean;
  /** What it was adapted from: mentions that differ from the base's answer came from corrections. */
  base?: LoadedTagger;
}

let shipped: LoadedTagger | null | undefined;

/** The model under src/core/data, or null when it is missing or unreadable (rules alone then). */
export function shippedTagger(): LoadedTagger | null {
  if (shipped === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const file = require('../../data/tagger.model.json') as typeof modelJson as ModelFile;
      shipped = { model: loadModel(file), gates: gatesOf(file.header.gates) };
    } catch {
      shipped = null;
    }
  }
  return shipped;
}

export function applyTagger(text: string, rules: Placed[], tagger: LoadedTagger | null): Placed[] {
  if (!tagger) return rules;
  const p = prepare(text, rules);
  const out = combine(text, rules, tag(tagger.model, p), p.tokens, tagger.gates);
  if (!tagger.base) return out;
  // Decoding again with the base costs little next to preparing the features.
  const plain = combine(text, rules, tag(tagger.base.model, p), p.tokens, tagger.base.gates);
  const key = (c: Placed): string => `${c.start}:${c.end}:${c.type}`;
  const before = new Set(plain.map(key));
  return out.map((c) => (before.has(key(c)) ? c : { ...c, source: 'corrections' }));
}

/** JSON has no Infinity: a missing or null threshold means "never" (the rules stand). */
export function gatesOf(g: Partial<Record<keyof Gates, number | null>> | undefined): Gates {
  const one = (x: number | null | undefined): number => (typeof x === 'number' ? x : Infinity);
  // A model from before the weak tier treats weak rules names like the others.
  const typed = Object.fromEntries(TYPED_GATE_KEYS.map((k) => [k, one(g?.[k])])) as Record<(typeof TYPED_GATE_KEYS)[number], number>;
  return { add: one(g?.add), retype: one(g?.retype), recut: one(g?.recut), weakRetype: one(g?.weakRetype ?? g?.retype), weakRecut: one(g?.weakRecut ?? g?.recut), ...typed };
}
