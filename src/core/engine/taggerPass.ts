// The tagger step of the incremental analyzer: per paragraph it keeps the tokens, the rules'
// labels and the tagging, and it counts the document-level facts (the types a word got, the
// surnames, the lower-case uses) over paragraphs, so an edit re-tags only the paragraphs whose
// inputs changed. The answer equals applyTagger() over the whole document (a property test
// over random edits checks it); whenever that cannot be guaranteed it runs applyTagger().
import type { Paragraph } from './paragraphs';
import type { Placed } from './grouping';
import { Token, tokenize } from './tokens';
import { LoadedTagger, applyTagger } from './tagger/index';
import { documentFeatures, ruleSpans, sourceKey } from './tagger/features';
import { LABELS, decodeSpans, encodeSpans, isNameType } from './tagger/labels';
import { hashFeatures, hashString } from './tagger/perceptron';
import { lineSequences, tag } from './tagger/prepare';
import { combine } from './tagger/combine';
import { DocumentFacts, Entry, withoutDocumentFacts } from './taggerFacts';
import { combineByBlock } from './blockCombine';
import { MAX_FEATURES, orderFreeSums } from './exactSums';

/** Context tokens on each side that a token's features read (the ±2 window). */
const WINDOW = 2;

export class IncrementalTagger {
  private entries: Entry[] = [];
  private facts = new DocumentFacts();
  private tokenCache = new Map<string, Token[]>();
  private model: LoadedTagger | null = null;
  /** Paragraphs tagged by the last call (the bench and the tests read it). */
  retagged = 0;

  apply(text: string, cut: Paragraph[], rules: Placed[], tagger: LoadedTagger | null): Placed[] {
    if (!tagger) return rules;
    // An adapted tagger also marks what came from the corrections (a second decoding with its
    // base): the whole-document step does that.
    if (tagger.base) return applyTagger(text, rules, tagger);
    if (tagger !== this.model) this.reset(tagger);
    try {
      return this.applyIncrementally(text, lineBlocks(text, cut), rules, tagger);
    } catch {
      // Whatever went wrong, the kept state is suspect: start over, answer from the whole document.
      this.reset(tagger);
      return applyTagger(text, rules, tagger);
    }
  }

  private applyIncrementally(text: string, paragraphs: Paragraph[], rules: Placed[], tagger: LoadedTagger): Placed[] {
    const cur = this.place(text, paragraphs, rules);
    if (!cur) {
      this.reset(tagger);
      return applyTagger(text, rules, tagger);
    }
    const dirty = this.facts.update(this.entries, cur);
    this.entries = cur;
    this.retagged = 0;
    cur.forEach((e, i) => {
      const ctx = contextKey(cur, i);
      if (e.tagged && e.ctx === ctx && !dirty.has(e)) return;
      this.tagEntry(text, paragraphs, cur, i, tagger, ctx);
      e.ctx = ctx;
      this.retagged++;
    });
    return this.combineAll(text, paragraphs, cur, rules, tagger);
  }

  dispose(): void {
    this.reset(null);
  }

  private reset(tagger: LoadedTagger | null): void {
    this.entries = [];
    this.facts = new DocumentFacts(!!tagger && orderFreeSums(tagger.model.weights));
    this.tokenCache.clear();
    this.model = tagger;
  }

  /** The current paragraphs as entries, reusing the previous run's where text and rules agree. */
  private place(text: string, paragraphs: Paragraph[], rules: Placed[]): Entry[] | null {
    const perParagraph: Placed[][] = paragraphs.map(() => []);
    let pi = 0;
    for (const m of [...rules].sort((a, b) => a.start - b.start)) {
      if (!isNameType(m.type)) continue;
      while (pi < paragraphs.length && paragraphs[pi].start + paragraphs[pi].text.length <= m.start) pi++;
      const p = paragraphs[pi];
      // A name across paragraphs (a lexicon entry, say): only the whole-document tagger is exact.
      if (!p || m.start < p.start || m.end > p.start + p.text.length) return null;
      perParagraph[pi].push(m);
    }
    const previous = new Map<string, Entry[]>();
    for (const e of this.entries) {
      const list = previous.get(e.key);
      if (list) list.push(e);
      else previous.set(e.key, [e]);
    }
    const tokenCache = new Map<string, Token[]>();
    const cur: Entry[] = [];
    let lastReused = -1;
    for (let i = 0; i < paragraphs.length; i++) {
      const p = paragraphs[i];
      const prefix = text.slice(Math.max(0, p.start - 3), p.start);
      // A paragraph cut inside a word (a huge token): its tokens depend on its neighbour.
      if (prefix && !/\s$/.test(prefix)) return null;
      const tokKey = prefix + '\u0000' + p.text;
      const tokens = tokenCache.get(tokKey) ?? this.tokenCache.get(tokKey) ?? tokensOf(prefix, p.text);
      tokenCache.set(tokKey, tokens);
      const rel = perParagraph[i].map((m) => ({ start: m.start - p.start, end: m.end - p.start, type: m.type, source: m.source, confidence: m.confidence }));
      const key = tokKey + '\u0001' + rel.map((m) => `${m.start},${m.end},${m.type},${sourceKey(m)}`).join(';');
      // Identical paragraphs share a key: take the first twin after the last one reused, so
      // kept entries never change order (a reorder re-tags the whole document).
      const twins = previous.get(key);
      const k = twins ? twins.findIndex((e) => e.index > lastReused) : -1;
      const reused = k >= 0 ? twins!.splice(k, 1)[0] : undefined;
      if (reused) lastReused = reused.index;
      cur.push(reused ?? newEntry(key, tokens, rel));
    }
    this.tokenCache = tokenCache;
    return cur;
  }

  private tagEntry(text: string, paragraphs: Paragraph[], cur: Entry[], i: number, tagger: LoadedTagger, ctx: string): void {
    const e = cur[i];
    if (e.base?.ctx !== ctx) e.base = { ctx, hashes: this.baseFeatures(text, paragraphs, cur, i) };
    if (!e.tokens.length) {
      e.tagged = { labels: new Uint8Array(0), margins: new Float32Array(0) };
      return;
    }
    // Only the document-level facts are read afresh: a paragraph re-tagged because a fact changed
    // (a word got a new type elsewhere) reuses its window's features.
    const hashes = e.base.hashes;
    const feats = e.tokens.map((t, j) => {
      const facts = this.facts.documentFeatures(t);
      // The order-free facts hold only up to MAX_FEATURES per token (apply() then starts over).
      if (hashes[j].length + facts.length + 3 > MAX_FEATURES) throw new Error('too many features for order-free sums');
      if (!facts.length) return hashes[j];
      const out = new Uint32Array(hashes[j].length + facts.length);
      out.set(hashes[j]);
      facts.forEach((f, k) => (out[hashes[j].length + k] = hashString(f)));
      return out;
    });
    const tagging = tag(tagger.model, { tokens: e.tokens, feats, words: e.tokens.map((t) => t.text.toLowerCase()), sequences: lineSequences(paragraphs[i].text, e.tokens) });
    e.tagged = { labels: tagging.labels, margins: tagging.margins };
  }

  /** The hashed features of a paragraph's tokens read from its window, without the document facts. */
  private baseFeatures(text: string, paragraphs: Paragraph[], cur: Entry[], i: number): Uint32Array[] {
    const e = cur[i];
    const start = paragraphs[i].start;
    const before = neighbours(cur, paragraphs, i, -1);
    const after = neighbours(cur, paragraphs, i, 1);
    const all = [...before.map((n) => n.token), ...e.tokens.map((t) => shift(t, start)), ...after.map((n) => n.token)];
    if (!e.tokens.length) return [];
    // The features of a window (the paragraph and its ±2 neighbours), on the real text.
    const from = all[0].start;
    const window = all.map((t) => shift(t, -from));
    const labels = Uint8Array.from([...before.map((n) => n.label), ...e.labels, ...after.map((n) => n.label)]);
    const sources = [...before.map((n) => n.source), ...e.sources, ...after.map((n) => n.source)];
    return documentFeatures({ text: text.slice(from, all[all.length - 1].end), tokens: window, ruleLabels: labels, ruleSources: sources })
      .slice(before.length, before.length + e.tokens.length)
      .map((f) => hashFeatures(withoutDocumentFacts(f)));
  }

  private combineAll(text: string, paragraphs: Paragraph[], cur: Entry[], rules: Placed[], tagger: LoadedTagger): Placed[] {
    const byBlock = combineByBlock(paragraphs, cur, rules, tagger.gates);
    if (byBlock) return byBlock;
    const total = cur.reduce((n, e) => n + e.tokens.length, 0);
    const labels = new Uint8Array(total);
    const margins = new Float32Array(total);
    const tokens: Token[] = new Array<Token>(total);
    let off = 0;
    cur.forEach((e, i) => {
      const start = paragraphs[i].start;
      if (e.absoluteAt !== start) {
        e.absolute = e.tokens.map((t) => shift(t, start));
        e.absoluteAt = start;
      }
      labels.set(e.tagged!.labels, off);
      margins.set(e.tagged!.margins, off);
      for (let j = 0; j < e.absolute!.length; j++) tokens[off + j] = e.absolute![j];
      off += e.tokens.length;
    });
    // As tag() does over the whole document: spans may run on across lines, as there.
    const spans = decodeSpans(labels).map((s) => {
      let margin = Infinity;
      for (let k = s.first; k < s.last; k++) margin = Math.min(margin, margins[k]);
      return { start: tokens[s.first].start, end: tokens[s.last - 1].end, type: s.type, margin };
    });
    return combine(text, rules, { spans, margins, labels }, tokens, tagger.gates);
  }
}

/** Paragraphs cut without a line break between them (a long paragraph's chunks) share lines: one block. */
function lineBlocks(text: string, paragraphs: Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of paragraphs) {
    const last = out[out.length - 1];
    const lastEnd = last ? last.start + last.text.length : 0;
    if (last && !text.slice(lastEnd, p.start).includes('\n')) out[out.length - 1] = { start: last.start, text: text.slice(last.start, p.start + p.text.length) };
    else out.push(p);
  }
  return out;
}

function tokensOf(prefix: string, text: string): Token[] {
  // The three characters before decide whether the first word opens a sentence.
  return tokenize(prefix + text)
    .filter((t) => t.start >= prefix.length)
    .map((t) => shift(t, -prefix.length));
}

function newEntry(key: string, tokens: Token[], rel: { start: number; end: number; type: string; source: string }[]): Entry {
  const { spans, sources } = ruleSpans(tokens, rel);
  const labels = encodeSpans(tokens.length, spans);
  return { key, tokens, labels, sources, index: -1, ...DocumentFacts.contribution(tokens, labels) };
}

const shift = (t: Token, by: number): Token => ({ ...t, start: t.start + by, end: t.end + by });

interface Neighbour {
  token: Token;
  label: number;
  source: string;
}

/** Up to WINDOW tokens before (dir -1) or after (dir 1) paragraph i, in document offsets. */
function neighbours(cur: Entry[], paragraphs: Paragraph[], i: number, dir: -1 | 1): Neighbour[] {
  const out: Neighbour[] = [];
  for (let k = i + dir; k >= 0 && k < cur.length && out.length < WINDOW; k += dir) {
    const e = cur[k];
    for (let j = dir < 0 ? e.tokens.length - 1 : 0; j >= 0 && j < e.tokens.length && out.length < WINDOW; j += dir) {
      out.push({ token: shift(e.tokens[j], paragraphs[k].start), label: e.labels[j], source: e.sources[j] });
    }
  }
  return dir < 0 ? out.reverse() : out;
}

/** What a paragraph's features read of its neighbours: their words and rules labels. */
function contextKey(cur: Entry[], i: number): string {
  const parts: string[] = [];
  for (const dir of [-1, 1] as const) {
    let n = 0;
    for (let k = i + dir; k >= 0 && k < cur.length && n < WINDOW; k += dir) {
      const e = cur[k];
      for (let j = dir < 0 ? e.tokens.length - 1 : 0; j >= 0 && j < e.tokens.length && n < WINDOW; j += dir, n++) {
        parts.push(`${e.tokens[j].text}\u0002${LABELS[e.labels[j]]}\u0002${e.sources[j]}`);
      }
    }
    parts.push('|');
  }
  return parts.join('\u0001');
}

