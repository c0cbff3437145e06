// The gate between the rules and the tagger. Dates and the user's lexicon always stand. The
// tagger's answer replaces the rules' only where it is sure, with one margin threshold per kind
// of change, chosen on held-out text by `npm run train`: adding a name the rules missed,
// retyping a name the rules cut the same way, and re-cutting or dropping a rules name (the
// rules are precise on news, so that last one needs the most certainty). Elsewhere the rules'
// answer stands; all thresholds Infinity gives the rules alone.
import type { Placed } from '../grouping';
import type { Token } from '../tokens';
import type { Tagging, TaggedSpan } from './prepare';
import { WEAK_RULE } from './features';
import type { NameType } from './labels';

export interface Gates {
  add: number;
  retype: number;
  recut: number;
  /** The same two changes for a weak rules name (confidence below WEAK_RULE: a guess, such as an unknown capitalised run). */
  weakRetype: number;
  weakRecut: number;
  /**
   * Per type of the tagger's answer, a lower bar for a strong rules name retyped to that type, and
   * for a name added with that type: the rules' errors are not spread evenly over the types (a
   * team or a band named after a place, typed PLACE by the gazetteer). The bar is the lower one.
   */
  retypePERSON: number;
  retypeORG: number;
  retypePLACE: number;
  addPERSON: number;
  addORG: number;
  addPLACE: number;
}

export const TYPED_GATE_KEYS = ['retypePERSON', 'retypeORG', 'retypePLACE', 'addPERSON', 'addORG', 'addPLACE'] as const;
export const GATE_KEYS: (keyof Gates)[] = ['add', 'retype', 'recut', 'weakRetype', 'weakRecut', ...TYPED_GATE_KEYS];
export const RULES_ONLY: Gates = Object.fromEntries(GATE_KEYS.map((k) => [k, Infinity])) as unknown as Gates;

const retypeGate = (g: Gates, type: NameType): number => Math.min(g.retype, g[`retype${type}`]);
const addGate = (g: Gates, type: NameType): number => Math.min(g.add, g[`add${type}`]);

const weak = (c: Placed): boolean => c.confidence < WEAK_RULE && c.source !== 'lexicon';

export function combine(text: string, rules: Placed[], tagging: Tagging, tokens: Token[], gates: Gates): Placed[] {
  // Character maps keep this linear: which rules name covers a character, and what is fixed.
  const nameAt = new Int32Array(text.length).fill(-1);
  const fixedAt = new Uint8Array(text.length);
  const names: Placed[] = [];
  const out: Placed[] = [];
  for (const c of rules) {
    if (c.type === 'DATE' || c.source === 'lexicon') {
      out.push(c);
      fixedAt.fill(1, c.start, c.end);
    } else {
      nameAt.fill(names.length, c.start, c.end);
      names.push(c);
    }
  }
  const replaced = new Uint8Array(names.length);
  const taggedAt = new Uint8Array(text.length);
  for (const s of tagging.spans) {
    if (fixedAt.subarray(s.start, s.end).includes(1)) continue;
    const touched = [...new Set(nameAt.subarray(s.start, s.end))].filter((i) => i >= 0);
    const one = touched.length === 1 ? names[touched[0]] : null;
    if (one && one.start === s.start && one.end === s.end) {
      if (one.type !== s.type && s.margin >= (weak(one) ? gates.weakRetype : retypeGate(gates, s.type))) {
        out.push({ ...one, type: s.type, source: 'tagger', linkTo: undefined });
        replaced[touched[0]] = 1;
      }
      continue;
    }
    const recut = touched.every((i) => weak(names[i])) ? gates.weakRecut : gates.recut;
    if (s.margin < (touched.length ? recut : addGate(gates, s.type))) continue;
    // "the Lisbon Treaty": a new name that stops short of the capitalised word after it cuts a
    // longer name the rules chose not to mark (a treaty, an event, a title); it is not added.
    if (!touched.length && cutsCapitalisedRun(text, s, tokens, tagging, nameAt)) continue;
    out.push(fresh(text, s));
    taggedAt.fill(1, s.start, s.end);
    for (const i of touched) replaced[i] = 1;
  }
  names.forEach((c, i) => {
    if (replaced[i] || taggedAt.subarray(c.start, c.end).includes(1)) return;
    if (surelyNoName(c, tagging, tokens, weak(c) ? gates.weakRecut : gates.recut)) return;
    out.push(c);
  });
  return out.sort((a, b) => a.start - b.start);
}

const fresh = (text: string, s: TaggedSpan): Placed => ({ start: s.start, end: s.end, type: s.type, source: 'tagger', confidence: 0.6, text: text.slice(s.start, s.end) });

/** The first token ending after `offset` (binary search: tokens are in order). */
function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function cutsCapitalisedRun(text: string, s: TaggedSpan, tokens: Token[], tagging: Tagging, nameAt: Int32Array): boolean {
  const i = tokenAt(tokens, s.end);
  const next = tokens[i];
  if (!next || !next.cap || next.sentStart || !/^[ \t]+$/.test(text.slice(s.end, next.start))) return false;
  return tagging.labels[i] === 0 && nameAt[next.start] < 0;
}

function surelyNoName(c: Placed, tagging: Tagging, tokens: Token[], gate: number): boolean {
  let any = false;
  for (let i = tokenAt(tokens, c.start); i < tokens.length && tokens[i].start < c.end; i++) {
    any = true;
    if (tagging.labels[i] !== 0 || tagging.margins[i] < gate) return false;
  }
  return any;
}
