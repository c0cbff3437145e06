// A tiny in-memory stand-in for the EntityIndex: documents whose mentions are found by their
// text, and a registry of entities (with merges), so the views' models can be tested alone.
import { entityId, type Entity, type EntityType, type GeoInfo, type Provenance } from '../../../src/core/model';
import type { DocumentRecord, EntityRecord, MentionWithProvenance } from '../../../src/core/index/types';
import type { CorpusSource } from '../../../src/core/corpus/source';

export interface FakeMention {
  /** The surface form; the nth occurrence in the text (default the first after the previous mention). */
  text: string;
  type: EntityType;
  /** Entity id; default entityId(type, text). */
  entity?: string;
  provenance?: Provenance;
}

export interface FakeEntity {
  type: EntityType;
  canonical: string;
  value?: string;
  geo?: GeoInfo;
  aliases?: string[];
  /** Ids merged into this one. */
  merged?: string[];
}

export function fakeCorpus(docs: Record<string, { text: string; mentions: FakeMention[] }>, registry: Record<string, FakeEntity> = {}, analysisGeo: Record<string, GeoInfo> = {}): CorpusSource {
  const records = new Map<string, EntityRecord>();
  const aliasOf = new Map<string, string>();
  for (const [id, e] of Object.entries(registry)) {
    records.set(id, { id, type: e.type, canonical: e.canonical, aliases: e.aliases ?? [], notes: [], mergedIds: e.merged ?? [], created: '', updated: '', value: e.value, geo: e.geo, counts: { mentions: 0, documents: 0 } });
    for (const m of e.merged ?? []) aliasOf.set(m, id);
  }
  const documents = new Map<string, DocumentRecord>();
  for (const [path, d] of Object.entries(docs)) {
    let from = 0;
    const mentions: MentionWithProvenance[] = d.mentions.map((m) => {
      const start = d.text.indexOf(m.text, from);
      if (start < 0) throw new Error(`fake: "${m.text}" is not in ${path} after offset ${from}`);
      from = start + m.text.length;
      return { start, end: from, text: m.text, type: m.type, entity: m.entity ?? entityId(m.type, m.text), confidence: 1, source: 'ner', provenance: m.provenance ?? 'auto' };
    });
    const entities: Entity[] = Object.entries(analysisGeo).map(([id, geo]) => ({ id, type: 'PLACE', canonical: id, aliases: [], geo }));
    documents.set(path, { path, hash: path, mentions, quotes: [], analysis: { documentDate: null, documentDateSource: 'none', entities, mentions, engineVersion: 'fake' } });
  }
  return {
    documents: () => [...documents.keys()],
    getDocument: (path) => documents.get(path),
    getText: (path) => docs[path]?.text,
    getEntity: (id) => records.get(aliasOf.get(id) ?? id),
  };
}
