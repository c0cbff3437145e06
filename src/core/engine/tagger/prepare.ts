// Turns a document and the rules' mentions into the tagger's input (hashed features per token,
// split into line-sized sequences) and reads the tagger's labels back as character spans.
import { Token, tokenize } from '../tokens';
import { RuleMention, documentFeatures, taggerDoc } from './features';
import { NameType, decodeSpans } from './labels';
import { Perceptron, decode, hashFeatures } from './perceptron';

export interface Sequence {
  /** Token indices [from, to). */
  from: number;
  to: number;
  /** No capitalised word: nothing to name, the tagger is skipped. */
  skip: boolean;
}

export interface Prepared {
  tokens: Token[];
  feats: Uint32Array[];
  words: string[];
  sequences: Sequence[];
}

export function prepare(text: string, mentions: RuleMention[]): Prepared {
  const tokens = tokenize(text);
  const feats = documentFeatures(taggerDoc(text, tokens, mentions)).map(hashFeatures);
  return { tokens, feats, words: tokens.map((t) => t.text.toLowerCase()), sequences: lineSequences(text, tokens) };
}

/** The tagger's sequences: one per line, skipped when no word is capitalised. */
export function lineSequences(text: string, tokens: Token[]): Sequence[] {
  const out: Sequence[] = [];
  let from = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i < tokens.length && !text.slice(tokens[i - 1].end, tokens[i].start).includes('\n')) continue;
    out.push({ from, to: i, skip: !tokens.slice(from, i).some((t) => t.cap) });
    from = i;
  }
  return out;
}

export interface TaggedSpan {
  start: number;
  end: number;
  type: NameType;
  /** The smallest per-token margin inside the span: how sure the tagger is. */
  margin: number;
}

export interface Tagging {
  spans: TaggedSpan[];
  /** Per token, the decoder's margin (for an O token: how sure it is there is no name). */
  margins: Float32Array;
  labels: Uint8Array;
}

export function tag(model: Perceptron, p: Prepared): Tagging {
  const labels = new Uint8Array(p.tokens.length);
  const margins = new Float32Array(p.tokens.length);
  for (const s of p.sequences) {
    if (s.skip) {
      margins.fill(Infinity, s.from, s.to);
      continue;
    }
    const d = decode(model, p.feats.slice(s.from, s.to), p.words.slice(s.from, s.to));
    labels.set(d.labels, s.from);
    margins.set(d.margins, s.from);
  }
  const spans = decodeSpans(labels).map((s) => {
    let margin = Infinity;
    for (let i = s.first; i < s.last; i++) margin = Math.min(margin, margins[i]);
    return { start: p.tokens[s.first].start, end: p.tokens[s.last - 1].end, type: s.type, margin };
  });
  return { spans, margins, labels };
}
