// W3C Web Annotation JSON-LD: every mention (with its provenance) and every user annotation,
// as one AnnotationCollection. The user annotations carry their Dossier kind so that
// `dossier import` can bring them back exactly; mentions made by the engine are not imported.
import { ENTITY_TYPES, type EntityType } from '../../model';
import { makeTarget } from '../anchoring';
import { isAnnotation } from '../store';
import type { Annotation, AnnotationTarget, EntityIndex } from '../types';
import { quoteAnnotations } from './quotesJsonld';

const CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { dossier: 'urn:dossier:vocab#' }];

interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: string;
  created?: string;
  creator?: { type: 'Person'; name: string };
  body: unknown[];
  target?: AnnotationTarget;
  'dossier:provenance'?: string;
  /** PDF documents: the 1-based page of the mention. */
  'dossier:page'?: number;
  'dossier:annotation'?: Omit<Annotation, 'id' | 'created' | 'author' | 'target'>;
}

export function toWebAnnotations(index: EntityIndex): object {
  const items: WebAnnotation[] = [];
  for (const path of index.documents()) {
    const doc = index.getDocument(path);
    const text = index.getText(path) ?? '';
    for (const m of doc?.mentions ?? []) {
      items.push({
        id: `urn:dossier:mention:${encodeURIComponent(path)}:${m.start}-${m.end}`,
        type: 'Annotation',
        motivation: 'identifying',
        body: [
          { type: 'TextualBody', purpose: 'classifying', value: m.type },
          { type: 'SpecificResource', purpose: 'identifying', source: `urn:dossier:entity:${m.entity}`, 'dossier:canonical': index.getEntity(m.entity)?.canonical },
        ],
        target: makeTarget(path, text, m.start, m.end),
        'dossier:provenance': m.provenance,
        ...pageOf(index, path, m.start),
      });
    }
  }
  items.push(...(quoteAnnotations(index) as WebAnnotation[]));
  for (const a of index.annotations()) {
    const { id, created, author, target, ...rest } = a;
    items.push({
      id,
      type: 'Annotation',
      motivation: a.kind === 'note' ? 'commenting' : a.kind === 'reject' || a.kind === 'confirm' || a.kind === 'notQuote' ? 'assessing' : 'editing',
      created,
      creator: { type: 'Person', name: author },
      body: a.body.note ? [{ type: 'TextualBody', purpose: 'commenting', value: a.body.note }] : [],
      target,
      'dossier:annotation': rest,
    });
  }
  return { '@context': CONTEXT, type: 'AnnotationCollection', total: items.length, first: { type: 'AnnotationPage', items } };
}

function pageOf(index: EntityIndex, path: string, offset: number): { 'dossier:page'?: number } {
  const page = index.pageOf(path, offset);
  return page ? { 'dossier:page': page } : {};
}

export interface ParsedImport {
  annotations: Annotation[];
  /** Mentions Dossier exported (any provenance): derived data, not imported. */
  derived: number;
  /** Items that are neither: reported with a reason. */
  rejected: { id: string; reason: string }[];
}

/**
 * Reads a collection (or page, or list) of Web Annotations: Dossier annotations come back as
 * they were; a foreign annotation classifying a quote as PERSON/ORG/PLACE/DATE becomes an `add`.
 */
export function fromWebAnnotations(json: unknown, author: string, now: string): ParsedImport {
  const out: ParsedImport = { annotations: [], derived: 0, rejected: [] };
  for (const [i, raw] of itemsOf(json).entries()) {
    const item = raw as Partial<WebAnnotation> & Record<string, unknown>;
    const id = typeof item?.id === 'string' ? item.id : `#${i + 1}`;
    if (item?.['dossier:annotation']) {
      const a = { ...item['dossier:annotation'], id, created: item.created, author: item.creator?.name ?? author, ...(item.target ? { target: item.target } : {}) };
      if (isAnnotation(a)) out.annotations.push(a);
      else out.rejected.push({ id, reason: 'malformed Dossier annotation' });
      continue;
    }
    if (item?.['dossier:provenance']) {
      // A mention Dossier exported: derived from the engine and the annotations, not imported.
      out.derived++;
      continue;
    }
    const type = classifiedType(item?.body);
    const quote = Array.isArray(item?.target?.selector) ? item.target.selector : undefined;
    if (!type || !quote || typeof item.target?.source !== 'string') {
      out.rejected.push({ id, reason: 'not a Dossier annotation and not a typed text quote' });
      continue;
    }
    const a: Annotation = { id: id.startsWith('urn:dossier:mention:') ? `urn:dossier:imported:${id.slice(20)}` : id, kind: 'add', author: item.creator?.name ?? author, created: item.created ?? now, target: item.target as AnnotationTarget, body: { type } };
    if (isAnnotation(a)) out.annotations.push(a);
    else out.rejected.push({ id, reason: 'its target lacks a TextQuoteSelector and a TextPositionSelector' });
  }
  return out;
}

function itemsOf(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  const o = json as { items?: unknown[]; first?: { items?: unknown[] }; type?: string } | undefined;
  if (Array.isArray(o?.first?.items)) return o.first.items;
  if (Array.isArray(o?.items)) return o.items;
  if (o?.type === 'Annotation') return [o];
  throw new Error('Not a Web Annotation collection: expected an AnnotationCollection, an AnnotationPage or a list of annotations.');
}

function classifiedType(body: unknown): EntityType | undefined {
  for (const b of Array.isArray(body) ? body : [body]) {
    const v = (b as { value?: unknown } | undefined)?.value;
    if (typeof v === 'string' && ENTITY_TYPES.includes(v.toUpperCase() as EntityType)) return v.toUpperCase() as EntityType;
  }
  return undefined;
}
