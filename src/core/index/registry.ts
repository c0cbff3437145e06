// Builds the workspace entity registry (.dossier/entities.json) from the documents' mentions and
// the entity-level annotations (merge, split, rename, note). Timestamps survive from the previous
// registry so an unchanged corpus writes an unchanged file.
import type { Entity } from '../model';
import { chronological, splitEntityId } from './lexicon';
import { stableStringify } from './stableJson';
import type { Annotation, EntityRecord, MentionWithProvenance } from './types';

export interface RegistryInput {
  documents: { path: string; entities: readonly Entity[]; mentions: readonly MentionWithProvenance[] }[];
  annotations: readonly Annotation[];
  previous: ReadonlyMap<string, EntityRecord>;
  resolve: (id: string) => string;
  now: string;
}

export function buildRegistry(input: RegistryInput): Map<string, EntityRecord> {
  const { resolve, now } = input;
  const records = new Map<string, EntityRecord>();
  const engineEntities = new Map<string, Entity>();
  const surfaceForms = new Map<string, Set<string>>();
  const docsOf = new Map<string, Set<string>>();
  const ensure = (id: string, seed: { type: EntityRecord['type']; canonical: string }): EntityRecord => {
    let r = records.get(id);
    if (!r) {
      r = { id, type: seed.type, canonical: seed.canonical, aliases: [], notes: [], mergedIds: [], created: now, updated: now, counts: { mentions: 0, documents: 0 } };
      records.set(id, r);
    }
    return r;
  };
  const documents = [...input.documents].sort((a, b) => (a.path < b.path ? -1 : 1));
  // All engine entities first: a mention moved by a merge or link may come before the document
  // where the engine named its entity.
  for (const doc of documents) for (const e of doc.entities) if (!engineEntities.has(e.id)) engineEntities.set(e.id, e);
  for (const doc of documents) {
    for (const m of doc.mentions) {
      if (m.provenance === 'rejected') continue;
      const engine = engineEntities.get(m.entity);
      const r = ensure(m.entity, { type: m.type, canonical: engine?.canonical ?? m.text });
      if (engine?.value && !r.value) r.value = engine.value;
      if (engine?.geo && !r.geo) r.geo = engine.geo;
      r.counts.mentions++;
      (docsOf.get(m.entity) ?? docsOf.set(m.entity, new Set()).get(m.entity))!.add(doc.path);
      (surfaceForms.get(m.entity) ?? surfaceForms.set(m.entity, new Set()).get(m.entity))!.add(m.text);
    }
  }
  // An entity the user wrote about stays in the registry when its last mention goes away, so its
  // notes stay visible (and in entities.json) until a document names it again.
  for (const a of input.annotations) {
    const id = (a.kind === 'note' || a.kind === 'rename') && a.body.entity ? resolve(a.body.entity) : undefined;
    const prev = id ? input.previous.get(id) : undefined;
    if (id && prev && !records.has(id)) {
      records.set(id, { ...prev, aliases: [], notes: [], mergedIds: [], counts: { mentions: 0, documents: 0 } });
      for (const alias of prev.aliases) surfaceOf(surfaceForms, id).add(alias);
    }
  }
  const splitAliases = new Set<string>();
  for (const a of chronological(input.annotations)) {
    const target = a.body.entity ? records.get(resolve(a.body.entity)) : undefined;
    if (a.kind === 'merge' && a.body.from && target && !target.mergedIds.includes(a.body.from)) {
      target.mergedIds.push(a.body.from);
      const gone = engineEntities.get(a.body.from);
      if (gone) surfaceOf(surfaceForms, target.id).add(gone.canonical);
    } else if (a.kind === 'rename' && a.body.name && target) {
      surfaceOf(surfaceForms, target.id).add(target.canonical);
      target.canonical = a.body.name;
    } else if (a.kind === 'note' && a.body.note && target) {
      target.notes.push({ text: a.body.note, author: a.author, created: a.created, annotation: a.id });
    } else if (a.kind === 'split' && a.body.alias) {
      splitAliases.add(`${a.body.entity}\u0000${a.body.alias}`);
      const r = records.get(resolve(splitEntityId(a)));
      if (r) r.canonical = a.body.name ?? a.body.alias;
    }
  }
  for (const r of records.values()) {
    const engine = engineEntities.get(r.id);
    const forms = new Set([...(surfaceForms.get(r.id) ?? []), ...(engine?.aliases ?? [])]);
    r.aliases = [...forms].filter((f) => f !== r.canonical && !splitAliases.has(`${r.id}\u0000${f}`)).sort();
    r.mergedIds.sort();
    r.counts.documents = docsOf.get(r.id)?.size ?? 0;
    const before = input.previous.get(r.id);
    if (before) {
      r.created = before.created;
      r.updated = sameRecord(before, r) ? before.updated : now;
    }
  }
  return records;
}

function surfaceOf(forms: Map<string, Set<string>>, id: string): Set<string> {
  let s = forms.get(id);
  if (!s) forms.set(id, (s = new Set()));
  return s;
}

function sameRecord(a: EntityRecord, b: EntityRecord): boolean {
  // Key order differs between records read from disk and built here: compare canonically.
  const key = (r: EntityRecord) => stableStringify([r.type, r.canonical, r.aliases, r.notes, r.mergedIds, r.value ?? null, r.geo ?? null]);
  return key(a) === key(b);
}

/** The persisted form: counts are live data, not registry. */
export function toStored(r: EntityRecord): Omit<EntityRecord, 'counts'> {
  const { counts: _counts, ...rest } = r;
  return rest;
}

/** A record read from entities.json, with defaults for what older or hand-edited files lack. */
export function fromStored(r: EntityRecord): EntityRecord {
  return { ...r, notes: r.notes ?? [], mergedIds: r.mergedIds ?? [], updated: r.updated ?? r.created, counts: { mentions: 0, documents: 0 } };
}
