// `dossier eval --simulate-corrections`: within each topic (from the gold notes' corpus name;
// one topic when none is named) the first half of the documents by file name is corrected as a
// researcher would, with the annotation commands (relabel, reject, add), one document after the
// other and each seen with the lexicon of the corrections so far (a topic of one document is cut
// in two at a line break). The other half is then scored
// before and after, with what the workspace would apply there: the lexicon the annotations
// derive and the tagger adapted to them. Measures how far corrections carry to unseen documents.
import type { AnalyzeOptions, EntityType, Mention } from '../../model';
import type { Annotation, AnnotationKind } from '../../index/types';
import { makeTarget } from '../../index/anchoring';
import { deriveLexicon, lexiconForText } from '../../index/lexicon';
import { analyzeWith } from '../index';
import { shippedTagger, type LoadedTagger } from '../tagger/index';
import { workspaceTagger } from '../tagger/workspace';
import { GoldDocument, evaluate } from './report';
import { micro } from './score';

export interface Simulation {
  corrected: number;
  scored: number;
  /** Annotations the simulated researcher made, by kind. */
  annotations: Partial<Record<AnnotationKind, number>>;
  before: { strict: number };
  /** The lexicon alone (the engine of 0.1.0's feedback), then lexicon and adapted tagger. */
  lexiconOnly: { strict: number };
  after: { strict: number };
}

export function splitByTopic(docs: GoldDocument[]): { first: GoldDocument[]; second: GoldDocument[] } {
  const topics = new Map<string, GoldDocument[]>();
  for (const d of docs) {
    const topic = /corpus_(\w+)/.exec((d as { notes?: string }).notes ?? '')?.[1] ?? '';
    topics.set(topic, [...(topics.get(topic) ?? []), d]);
  }
  const first: GoldDocument[] = [];
  const second: GoldDocument[] = [];
  for (const list of topics.values()) {
    // A topic of one document (a single long article) is split in two at a line break: its
    // first part is corrected, its second scored.
    const sorted = list.length === 1 ? splitDocument(list[0]) : [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const half = Math.ceil(sorted.length / 2);
    first.push(...sorted.slice(0, half));
    second.push(...sorted.slice(half));
  }
  return { first, second };
}

/** A document cut at the line break nearest its middle that no gold mention spans (itself when there is none). */
export function splitDocument(d: GoldDocument): GoldDocument[] {
  const mid = d.text.length / 2;
  let cut = -1;
  for (let i = d.text.indexOf('\n'); i >= 0; i = d.text.indexOf('\n', i + 1)) {
    const at = i + 1;
    if (at >= d.text.length || d.mentions.some((m) => m.start < at && at < m.end)) continue;
    if (cut < 0 || Math.abs(at - mid) < Math.abs(cut - mid)) cut = at;
  }
  if (cut <= 0) return [d];
  const part = (n: number, from: number, to: number): GoldDocument => ({
    ...d,
    name: `${d.name}#${n}`,
    text: d.text.slice(from, to),
    mentions: d.mentions.filter((m) => m.start >= from && m.end <= to).map((m) => ({ ...m, start: m.start - from, end: m.end - from })),
  });
  return [part(1, 0, cut), part(2, cut, d.text.length)];
}

type Span = { start: number; end: number; type: EntityType };
const sameSpan = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end;

/** The rulings that turn what the engine found into the gold: relabel, reject, then add. */
export function correctionsFor(path: string, text: string, found: readonly Mention[], gold: readonly Span[], clock: () => string): Annotation[] {
  const out: Annotation[] = [];
  const rule = (kind: AnnotationKind, s: Span, type: EntityType | undefined): void => {
    const n = String(out.length).padStart(6, '0');
    out.push({ id: `urn:sim:${path}:${n}`, kind, author: 'simulation', created: clock(), target: makeTarget(path, text, s.start, s.end), body: type ? { type } : {} });
  };
  for (const m of found) {
    const g = gold.find((x) => sameSpan(x, m));
    if (!g) rule('reject', m, m.type);
    else if (g.type !== m.type) rule('relabel', m, g.type);
  }
  for (const g of gold) if (!found.some((m) => sameSpan(g, m))) rule('add', g, g.type);
  return out;
}

export function simulateCorrections(docs: GoldDocument[], base: LoadedTagger | null = shippedTagger()): Simulation {
  const { first, second } = splitByTopic(docs);
  let tick = 0;
  const clock = (): string => new Date(Date.UTC(2026, 0, 1) + 1000 * tick++).toISOString();
  const annotations: Annotation[] = [];
  const texts: Record<string, string> = {};
  for (const d of first) {
    const lexicon = lexiconForText(deriveLexicon(annotations), d.text);
    const found = analyzeWith(base, d.text, { metadataDate: d.documentDate ?? undefined, lexicon }).mentions;
    annotations.push(...correctionsFor(d.name, d.text, found, d.mentions, clock));
    texts[d.name] = d.text;
  }
  const lexicon = deriveLexicon(annotations);
  const adapted = base ? workspaceTagger(base, { annotations, texts }) : base;
  const withLexicon = (tagger: LoadedTagger | null) => (text: string, opts: AnalyzeOptions) => analyzeWith(tagger, text, { ...opts, lexicon: lexiconForText(lexicon, text) });
  const strict = (analyzer: Parameters<typeof evaluate>[1]): number => micro(evaluate(second, analyzer).score.strict).f1;
  const kinds: Simulation['annotations'] = {};
  for (const a of annotations) kinds[a.kind] = (kinds[a.kind] ?? 0) + 1;
  return {
    corrected: first.length,
    scored: second.length,
    annotations: kinds,
    before: { strict: strict((t, o) => analyzeWith(base, t, o)) },
    lexiconOnly: { strict: strict(withLexicon(base)) },
    after: { strict: strict(withLexicon(adapted)) },
  };
}
