// Groups the document's mentions into entities: DATEs by value, PLACEs by gazetteer entry,
// people and organisations by alias links (acronyms, name parts) and identical folded names.
// Canonical = the fullest form; aliases = every other surface form seen.
import { Entity, Mention, entityId, foldKey } from '../model';
import type { DocCandidate } from './consistency';
import { lookupPlace } from './gazetteer';
import { renderValue } from './dates/calendar';

export interface Placed extends DocCandidate {
  value?: string;
  /** Set by the user's lexicon: the entity (and name) this mention must carry. */
  forcedEntity?: string;
  forcedCanonical?: string;
}

export function groupEntities(cands: Placed[]): { mentions: Mention[]; entities: Entity[] } {
  // Union-find over candidate indices: links and identical keys share a root.
  const byStart = new Map<number, number>();
  cands.forEach((c, i) => byStart.set(c.start, i));
  const parent = new Int32Array(cands.length);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r];
    return r;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb && cands[ra].type === cands[rb].type) parent[ra] = rb;
  };
  const keyed = new Map<string, number>();
  for (let i = 0; i < cands.length; i++) {
    parent[i] = i;
    const key = keyOf(cands[i]);
    const same = keyed.get(key);
    if (same !== undefined) union(i, same);
    else keyed.set(key, i);
  }
  for (let i = 0; i < cands.length; i++) {
    const linkTo = cands[i].linkTo;
    const target = linkTo !== undefined ? byStart.get(linkTo) : undefined;
    if (target !== undefined && target !== i) union(i, target);
  }
  const groups = new Map<number, Placed[]>();
  for (let i = 0; i < cands.length; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(cands[i]);
    else groups.set(r, [cands[i]]);
  }
  const entities: Entity[] = [];
  const mentions: Mention[] = [];
  const seen = new Map<string, Entity>();
  for (const g of groups.values()) {
    const type = g[0].type;
    const forms = [...new Set(g.map((c) => c.text))];
    let canonical = forms.reduce((a, b) => (b.length > a.length ? b : a));
    let entity: Entity;
    const forced = g.find((c) => c.forcedEntity);
    if (forced?.forcedEntity) {
      canonical = forced.forcedCanonical ?? canonical;
      entity = { id: forced.forcedEntity, type, canonical, aliases: [] };
    } else if (type === 'DATE') {
      const value = g[0].value ?? canonical;
      canonical = renderValue(value) ?? canonical;
      entity = { id: entityId('DATE', value), type, canonical, aliases: [], value };
    } else {
      const place = type === 'PLACE' ? forms.map((f) => lookupPlace(f)).find(Boolean) : undefined;
      if (place) canonical = place.canonical;
      entity = { id: entityId(type, canonical), type, canonical, aliases: [], ...(place ? { geo: { ...place.geo } } : {}) };
    }
    entity.aliases = forms.filter((f) => f !== canonical).sort();
    const existing = seen.get(entity.id);
    if (existing) {
      existing.aliases = [...new Set([...existing.aliases, ...entity.aliases])].filter((a) => a !== existing.canonical).sort();
      entity = existing;
    } else {
      seen.set(entity.id, entity);
      entities.push(entity);
    }
    for (const c of g) mentions.push({ start: c.start, end: c.end, text: c.text, type: c.type, entity: entity.id, confidence: round(c.confidence), source: c.source });
  }
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, entities };
}

const keyCache = new Map<string, string>();

function keyOf(c: Placed): string {
  if (c.forcedEntity) return `FORCED:${c.forcedEntity}`;
  const id = `${c.type}\u0000${c.value ?? ''}\u0000${c.text}`;
  let key = keyCache.get(id);
  if (key === undefined) {
    if (keyCache.size > 50000) keyCache.clear();
    key = computeKey(c);
    keyCache.set(id, key);
  }
  return key;
}

function computeKey(c: Placed): string {
  if (c.forcedEntity) return `FORCED:${c.forcedEntity}`;
  if (c.type === 'DATE') return `DATE:${c.value ?? c.text}`;
  if (c.type === 'PLACE') {
    // "City of Paris" is Paris; "the Republic of Chile" is Chile.
    const bare = c.text.replace(/^(?:City|Town|Municipality|Province|State|Republic|Kingdom|Principality) of (?:the )?/, '');
    const p = lookupPlace(c.text) ?? lookupPlace(bare);
    if (p) return `PLACE:${p.canonical}`;
  }
  return `${c.type}:${foldKey(c.text.replace(/^the\s+/i, ''))}`;
}

const round = (x: number): number => Math.round(x * 100) / 100;
