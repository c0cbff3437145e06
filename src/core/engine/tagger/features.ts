// The tagger's features, from one pure function of a document's tokens and the rules' answer:
// word forms, shape, affixes, a ±2 window, compromise's lexicon tags, gazetteer and lexicon
// hits, the rules' candidates (so the rules are evidence, not the verdict), line context and
// document-level facts (the types a word got elsewhere, surnames of full names, lower-case uses).
import type { Token } from '../tokens';
import { lookupPlace, isDemonym } from '../gazetteer';
import { lexiconTags } from '../nlp';
import { TITLES, isOrgWord, PLACE_WORDS, SPEECH_VERBS, ORG_DESCRIPTORS, PLACE_DESCRIPTORS } from '../lexicons/names';
import { LABELS, NameType, TokenSpan, encodeSpans, isNameType } from './labels';

/** Below this confidence a rules name is a guess: the tagger and the gate treat it as weak evidence. */
export const WEAK_RULE = 0.6;

/** The rule that found a name and how sure it was ("rule@0.90"): some rules hold on any text, others only on news. */
export function sourceKey(m: { source: string; confidence?: number }): string {
  return m.confidence === undefined ? m.source : `${m.source}@${m.confidence.toFixed(2)}`;
}

/** A mention the rules found, in document offsets. */
export interface RuleMention {
  start: number;
  end: number;
  type: string;
  source: string;
  /** The rules' own confidence: a weak guess (an unknown capitalised run) is evidence of another kind. */
  confidence?: number;
}

export interface TaggerDoc {
  text: string;
  tokens: Token[];
  /** Per token, the rules' BILOU label index (0 = outside). */
  ruleLabels: Uint8Array;
  ruleSources: string[];
}

/** Token spans of the rules' name mentions (dates are not the tagger's business). */
export function ruleSpans(tokens: Token[], mentions: RuleMention[]): { spans: TokenSpan[]; sources: string[] } {
  const spans: TokenSpan[] = [];
  const sources = new Array<string>(tokens.length).fill('');
  let t = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    if (!isNameType(m.type)) continue;
    while (t < tokens.length && tokens[t].end <= m.start) t++;
    let e = t;
    while (e < tokens.length && tokens[e].start < m.end) e++;
    if (e > t && (spans.length === 0 || spans[spans.length - 1].last <= t)) {
      spans.push({ first: t, last: e, type: m.type as NameType });
      for (let i = t; i < e; i++) sources[i] = sourceKey(m);
    }
  }
  return { spans, sources };
}

export function taggerDoc(text: string, tokens: Token[], mentions: RuleMention[]): TaggerDoc {
  const { spans, sources } = ruleSpans(tokens, mentions);
  return { text, tokens, ruleLabels: encodeSpans(tokens.length, spans), ruleSources: sources };
}

export function shape(w: string): string {
  return w
    .replace(/\p{Lu}/gu, 'X')
    .replace(/\p{Ll}/gu, 'x')
    .replace(/\p{N}/gu, 'd')
    .replace(/(.)\1+/gu, '$1');
}

/** Facts about the whole document that single tokens cannot see. */
interface DocFacts {
  ruleTypes: Map<string, Set<string>>;
  surnames: Set<string>;
  lowerSeen: Set<string>;
  headline: boolean[];
  gaz: string[];
}

function docFacts(doc: TaggerDoc): DocFacts {
  const { tokens, ruleLabels, text } = doc;
  const ruleTypes = new Map<string, Set<string>>();
  const surnames = new Set<string>();
  const lowerSeen = new Set<string>();
  tokens.forEach((t, i) => {
    const l = LABELS[ruleLabels[i]];
    if (l !== 'O') {
      const set = ruleTypes.get(t.text) ?? new Set<string>();
      set.add(l.slice(2));
      ruleTypes.set(t.text, set);
      if (l === 'L-PERSON') surnames.add(t.text);
    }
    if (!t.cap && !t.sentStart) lowerSeen.add(t.text.toLowerCase());
  });
  // A line where most words are capitalised is a headline: capitals there say little.
  const headline = new Array<boolean>(tokens.length).fill(false);
  let lineStart = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i === tokens.length || (i > lineStart && text.slice(tokens[i - 1].end, tokens[i].start).includes('\n'))) {
      const line = tokens.slice(lineStart, i);
      const caps = line.filter((t) => t.cap).length;
      if (line.length >= 3 && caps / line.length > 0.6) headline.fill(true, lineStart, i);
      lineStart = i;
    }
  }
  // Gazetteer hits of up to four tokens, longest first, as BILOU marks.
  const gaz = new Array<string>(tokens.length).fill('');
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i].cap || gaz[i]) continue;
    for (let n = Math.min(4, tokens.length - i); n >= 1; n--) {
      const hit = lookupPlace(text.slice(tokens[i].start, tokens[i + n - 1].end));
      if (!hit) continue;
      for (let k = 0; k < n; k++) gaz[i + k] = (n === 1 ? 'U' : k === 0 ? 'B' : k === n - 1 ? 'L' : 'I') + ':' + hit.geo.kind;
      break;
    }
  }
  return { ruleTypes, surnames, lowerSeen, headline, gaz };
}

function wordClass(w: string): string[] {
  const lw = w.toLowerCase();
  const out: string[] = [];
  if (TITLES.has(lw)) out.push('title');
  if (isOrgWord(lw)) out.push('orgword');
  if (PLACE_WORDS.has(lw)) out.push('placeword');
  if (SPEECH_VERBS.has(lw)) out.push('speech');
  if (ORG_DESCRIPTORS.has(lw)) out.push('orgdesc');
  if (PLACE_DESCRIPTORS.has(lw)) out.push('placedesc');
  if (isDemonym(w)) out.push('demonym');
  return out;
}

const weakSource = (key: string): boolean => key.includes('@') && Number(key.split('@')[1]) < WEAK_RULE;

/** Static features of every token (label-history features are added by the decoder). */
export function documentFeatures(doc: TaggerDoc): string[][] {
  const facts = docFacts(doc);
  const { tokens, ruleLabels, ruleSources } = doc;
  const word = (i: number): string => (i < 0 ? '<s>' : i >= tokens.length ? '</s>' : tokens[i].text.toLowerCase());
  const rule = (i: number): string => (i < 0 || i >= tokens.length ? '-' : LABELS[ruleLabels[i]]);
  return tokens.map((t, i) => {
    const w = t.text;
    const lw = w.toLowerCase();
    const sh = shape(w);
    const f = ['b', `w=${w}`, `lw=${lw}`, `sh=${sh}`, `p3=${lw.slice(0, 3)}`, `s3=${lw.slice(-3)}`, `s2=${lw.slice(-2)}`, `s4=${lw.slice(-4)}`];
    f.push(`w-1=${word(i - 1)}`, `w+1=${word(i + 1)}`, `w-2=${word(i - 2)}`, `w+2=${word(i + 2)}`, `w-1w=${word(i - 1)}|${lw}`, `ww+1=${lw}|${word(i + 1)}`);
    f.push(`sh-1=${i > 0 ? shape(tokens[i - 1].text) : '<s>'}`, `sh+1=${i + 1 < tokens.length ? shape(tokens[i + 1].text) : '</s>'}`);
    if (t.sentStart) f.push('start', `start|sh=${sh}`);
    if (facts.headline[i]) f.push('headline', `headline|sh=${sh}`);
    if (t.upper && w.length > 1) f.push('allcaps');
    for (const tag of lexiconTags(w)) f.push(`ct=${tag}`, `ct=${tag}|cap=${t.cap}`);
    for (const c of wordClass(w)) f.push(`cls=${c}`);
    if (i > 0) for (const c of wordClass(tokens[i - 1].text)) f.push(`cls-1=${c}`);
    if (i + 1 < tokens.length) for (const c of wordClass(tokens[i + 1].text)) f.push(`cls+1=${c}`);
    if (facts.gaz[i]) f.push(`gaz=${facts.gaz[i]}`, `gaz=${facts.gaz[i].slice(0, 1)}`);
    const r = rule(i);
    f.push(`r=${r}`, `r-1=${rule(i - 1)}`, `r+1=${rule(i + 1)}`, `r|sh=${r}|${sh}`, `r|src=${r}|${ruleSources[i].split('@')[0]}`, `r|conf=${r}|${ruleSources[i]}`, `r|weak=${r}|${weakSource(ruleSources[i])}`, `r|lw=${r}|${lw}`);
    if (facts.headline[i]) f.push(`r|headline=${r}`);
    for (const type of facts.ruleTypes.get(w) ?? []) f.push(`doc=${type}`);
    if (facts.surnames.has(w)) f.push('doc=surname');
    if (t.cap && facts.lowerSeen.has(lw)) f.push('doc=lowerseen');
    return f;
  });
}
