// `dossier eval --simulate-corrections`: within each topic (from the gold notes' corpus name;
// one topic when none is named) the first half of the documents by file name is corrected as a
// researcher would (every error fixed), the tagger adapts, and the other half is scored before
// and after. Measures how far corrections carry to unseen documents.
import { analyze, analyzeRules, analyzeWith } from '../index';
import { shippedTagger } from '../tagger/index';
import { adaptToCorrections, CorrectedDocument } from '../tagger/corrections';
import { isNameType } from '../tagger/labels';
import { GoldDocument, evaluate } from './report';
import { micro } from './score';

export interface Simulation {
  corrected: number;
  scored: number;
  before: { strict: number };
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
    const sorted = [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const half = Math.ceil(sorted.length / 2);
    first.push(...sorted.slice(0, half));
    second.push(...sorted.slice(half));
  }
  return { first, second };
}

export function simulateCorrections(docs: GoldDocument[]): Simulation {
  const { first, second } = splitByTopic(docs);
  const base = shippedTagger();
  const strict = (analyzer: Parameters<typeof evaluate>[1]): number => micro(evaluate(second, analyzer).score.strict).f1;
  const before = strict(analyze);
  if (!base) return { corrected: 0, scored: second.length, before: { strict: before }, after: { strict: before } };
  const corrected: CorrectedDocument[] = first.map((d) => {
    const opts = { metadataDate: d.documentDate ?? undefined };
    const names = d.mentions.filter((m) => isNameType(m.type));
    const found = analyze(d.text, opts).mentions.filter((m) => isNameType(m.type));
    // Every error is a correction: a gold name the engine missed or got wrong, or a false hit.
    const same = (a: { start: number; end: number; type: string }, b: { start: number; end: number; type: string }): boolean => a.start === b.start && a.end === b.end && a.type === b.type;
    const touched = [...names.filter((g) => !found.some((m) => same(g, m))), ...found.filter((m) => !names.some((g) => same(g, m)))];
    return { text: d.text, names, rules: analyzeRules(d.text, opts).mentions, touched };
  });
  const adapted = adaptToCorrections(base, corrected);
  return { corrected: first.length, scored: second.length, before: { strict: before }, after: { strict: strict((t, o) => analyzeWith(adapted, t, o)) } };
}
