// The tagger's document-level facts kept per paragraph: which types the rules gave a word, which
// words end a person's name, which words occur in lower case. Paragraph contributions come and
// go with edits; a paragraph is re-tagged when a fact one of its words reads changes.
import type { Token } from './tokens';
import { LABELS } from './tagger/labels';

/** One paragraph (or run of paragraphs on one line) as the incremental tagger keeps it. */
export interface Entry {
  key: string;
  /** Offsets relative to the paragraph. */
  tokens: Token[];
  labels: Uint8Array;
  sources: string[];
  /** Position in the current document's paragraphs. */
  index: number;
  /** First occurrence (token order) of each word-type pair: the order the facts list types in. */
  typed: Map<string, number>;
  surnames: string[];
  lower: string[];
  /** The fact keys this paragraph's features read. */
  uses: string[];
  ctx?: string;
  tagged?: { labels: Uint8Array; margins: Float32Array };
  /** The hashed window features without the document facts, valid for the context key `ctx`. */
  base?: { ctx: string; hashes: Uint32Array[] };
  absolute?: Token[];
  absoluteAt?: number;
}

type Contribution = Pick<Entry, 'typed' | 'surnames' | 'lower' | 'uses'>;

const SEP = '\u0000';

export class DocumentFacts {
  /**
   * With a model whose sums do not depend on feature order (exactSums.ts), a word's types are
   * compared as a set: their order of first occurrence changes no tagging.
   */
  constructor(private readonly orderFree = false) {}

  private types = new Map<string, Map<string, Set<Entry>>>();
  private surnames = new Map<string, Set<Entry>>();
  private lower = new Map<string, Set<Entry>>();
  private users = new Map<string, Set<Entry>>();

  /** What a paragraph adds to the facts, as features.ts reads the whole document. */
  static contribution(tokens: Token[], labels: Uint8Array): Contribution {
    const typed = new Map<string, number>();
    const surnames = new Set<string>();
    const lower = new Set<string>();
    const uses = new Set<string>();
    tokens.forEach((t, i) => {
      const l = LABELS[labels[i]];
      if (l !== 'O') {
        const k = t.text + SEP + l.slice(2);
        if (!typed.has(k)) typed.set(k, typed.size);
        if (l === 'L-PERSON') surnames.add(t.text);
      }
      if (!t.cap && !t.sentStart) lower.add(t.text.toLowerCase());
      uses.add('T:' + t.text).add('S:' + t.text);
      if (t.cap) uses.add('L:' + t.text.toLowerCase());
    });
    return { typed, surnames: [...surnames], lower: [...lower], uses: [...uses] };
  }

  /** Moves from the previous paragraphs to the current ones; returns the paragraphs to re-tag. */
  update(prev: Entry[], cur: Entry[]): Set<Entry> {
    const prevSet = new Set(prev);
    const curSet = new Set(cur);
    const removed = prev.filter((e) => !curSet.has(e));
    const added = cur.filter((e) => !prevSet.has(e));
    // Paragraphs moved around change which occurrence comes first: everything is re-tagged.
    let last = -1;
    let reordered = false;
    for (const e of cur) {
      if (!prevSet.has(e)) continue;
      if (e.index < last) reordered = true;
      last = e.index;
    }
    const touched = new Set<string>();
    for (const e of [...removed, ...added]) for (const k of factKeys(e)) touched.add(k);
    const before = new Map([...touched].map((k) => [k, this.signature(k)]));
    for (const e of removed) this.change(e, false);
    cur.forEach((e, i) => (e.index = i));
    for (const e of added) this.change(e, true);
    if (reordered) return curSet;
    const dirty = new Set<Entry>();
    for (const k of touched) if (this.signature(k) !== before.get(k)) for (const e of this.users.get(k) ?? []) dirty.add(e);
    return dirty;
  }

  /** A token's features with the document-level ones taken from the whole document. */
  withDocumentFacts(feats: string[], t: Token): string[] {
    return withoutDocumentFacts(feats).concat(this.documentFeatures(t));
  }

  /** The document-level features of a token, in the order features.ts appends them. */
  documentFeatures(t: Token): string[] {
    const out: string[] = [];
    for (const type of this.orderedTypes(t.text)) out.push(`doc=${type}`);
    if (this.surnames.get(t.text)?.size) out.push('doc=surname');
    if (t.cap && this.lower.get(t.text.toLowerCase())?.size) out.push('doc=lowerseen');
    return out;
  }

  /** The types of a word in order of their first occurrence in the document. */
  private orderedTypes(word: string): string[] {
    const byType = this.types.get(word);
    if (!byType) return [];
    const firsts: [string, number][] = [];
    for (const [type, entries] of byType) {
      let first = Infinity;
      for (const e of entries) first = Math.min(first, e.index * 1e6 + e.typed.get(word + SEP + type)!);
      if (entries.size) firsts.push([type, first]);
    }
    return firsts.sort((a, b) => a[1] - b[1]).map((f) => f[0]);
  }

  private signature(key: string): string {
    const word = key.slice(2);
    if (key[0] === 'T') return this.orderFree ? [...(this.types.get(word)?.keys() ?? [])].sort().join(',') : this.orderedTypes(word).join(',');
    return (key[0] === 'S' ? this.surnames : this.lower).get(word)?.size ? '1' : '';
  }

  private change(e: Entry, add: boolean): void {
    for (const k of e.typed.keys()) {
      const [word, type] = k.split(SEP);
      const byType = this.types.get(word) ?? new Map<string, Set<Entry>>();
      this.types.set(word, byType);
      toggle(byType, type, e, add);
      if (![...byType.values()].some((s) => s.size)) this.types.delete(word);
    }
    for (const w of e.surnames) toggle(this.surnames, w, e, add);
    for (const w of e.lower) toggle(this.lower, w, e, add);
    for (const k of e.uses) toggle(this.users, k, e, add);
  }
}

/** A window's features less the document-level ones (those are read from the whole document). */
export function withoutDocumentFacts(feats: string[]): string[] {
  return feats.filter((f) => !f.startsWith('doc='));
}

function factKeys(e: Entry): string[] {
  return [...[...e.typed.keys()].map((k) => 'T:' + k.split(SEP)[0]), ...e.surnames.map((w) => 'S:' + w), ...e.lower.map((w) => 'L:' + w)];
}

function toggle(map: Map<string, Set<Entry>>, key: string, e: Entry, add: boolean): void {
  let set = map.get(key);
  if (add) {
    if (!set) map.set(key, (set = new Set()));
    set.add(e);
  } else if (set) {
    set.delete(e);
    if (!set.size) map.delete(key);
  }
}
