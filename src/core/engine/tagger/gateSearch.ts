// The gate search of `npm run train`, apart from the data it scores so that it can be tested:
// a coordinate search from "rules alone" that keeps a threshold change only when it raises the
// tuning score and the candidate is safe (no dev set below the rules, no guard sentence changed),
// then, for the shipped model, the raise that closes thresholds until it is safe again.
import { GATE_KEYS, Gates, RULES_ONLY, TYPED_GATE_KEYS } from './combine';

export const SEARCH_ORDER: (keyof Gates)[] = ['weakRetype', 'weakRecut', 'retype', 'add', 'recut', ...TYPED_GATE_KEYS];
export const SEARCH_VALUES = [0, 1, 2, 4, 8, 16, 32, 64, Infinity];

export interface SearchStep {
  key: keyof Gates;
  value: number;
  score: number;
  /** Candidates with a better score that were turned down as unsafe. */
  rejected: number;
}

export function searchGates(score: (g: Gates) => number, safe: (g: Gates) => boolean, rounds = 3, onStep?: (s: SearchStep) => void): Gates {
  const gates: Gates = { ...RULES_ONLY };
  let best = score(gates);
  for (let round = 0; round < rounds; round++) {
    for (const key of SEARCH_ORDER) {
      let rejected = 0;
      for (const value of SEARCH_VALUES) {
        const candidate = { ...gates, [key]: value };
        const s = score(candidate);
        if (s <= best + 1e-9) continue;
        if (!safe(candidate)) {
          rejected++;
          continue;
        }
        best = s;
        gates[key] = value;
      }
      onStep?.({ key, value: gates[key], score: best, rejected });
    }
  }
  return gates;
}

const raise = (x: number): number => (x >= 64 ? Infinity : Math.max(1, x * 1.5));

/**
 * Raises thresholds of `gates` (in place), one at a time, the one whose raise recovers the most
 * slack first (it costs the least of the tagger), until `slack` is ≥ 0. RULES_ONLY has slack 0 by
 * construction, so this ends.
 */
export function raiseUntilSafe(gates: Gates, slack: (g: Gates) => number, onStep?: (key: keyof Gates, value: number, slack: number) => void): Gates {
  for (let now = slack(gates); now < -1e-9; ) {
    let best: { key: keyof Gates; slack: number } | null = null;
    for (const key of GATE_KEYS.filter((k) => Number.isFinite(gates[k]))) {
      const s2 = slack({ ...gates, [key]: raise(gates[key]) });
      if (!best || s2 > best.slack) best = { key, slack: s2 };
    }
    if (!best) break;
    gates[best.key] = raise(gates[best.key]);
    now = best.slack;
    onStep?.(best.key, gates[best.key], now);
  }
  return gates;
}
