// Turns what the user asked for (an AnnotationInput) into a stored Annotation, checking it
// against the index first so a bad request fails with a message instead of storing nonsense.
import { entityId } from '../model';
import { makeTarget } from './anchoring';
import { newAnnotationId } from './contentHash';
import { quoteAt } from './queries';
import type { Annotation, AnnotationBody, AnnotationInput, EntityRecord, MentionWithProvenance, QuoteWithProvenance } from './types';

export interface AnnotationContext {
  text(path: string): string | undefined;
  /** Mentions of the document, rejected ones included. */
  mentions(path: string): readonly MentionWithProvenance[];
  /** Quotes of the document, corrections applied. */
  quotes(path: string): readonly QuoteWithProvenance[];
  entity(id: string): EntityRecord | undefined;
  author: string;
  now: string;
}

export function makeAnnotation(input: AnnotationInput, ctx: AnnotationContext): Annotation {
  const base = { id: newAnnotationId(), kind: input.kind, author: ctx.author, created: ctx.now };
  const entityOf = (id: string): EntityRecord => {
    const e = ctx.entity(id);
    if (!e) throw new Error(`Unknown entity "${id}".`);
    return e;
  };
  switch (input.kind) {
    case 'merge': {
      const from = entityOf(input.from);
      const into = entityOf(input.into);
      if (from.id === into.id) throw new Error(`"${from.canonical}" and "${into.canonical}" are already one entity.`);
      return { ...base, body: { from: from.id, entity: into.id, type: into.type } };
    }
    case 'split': {
      const e = entityOf(input.entity);
      if (!e.aliases.includes(input.alias)) throw new Error(`"${input.alias}" is not an alias of "${e.canonical}".`);
      const name = input.name?.trim() || input.alias;
      return { ...base, body: { entity: e.id, alias: input.alias, name, type: e.type } };
    }
    case 'rename': {
      const e = entityOf(input.entity);
      const name = input.name.trim();
      if (!name) throw new Error('The new name is empty.');
      return { ...base, body: { entity: e.id, name } };
    }
    case 'note': {
      const e = entityOf(input.entity);
      const note = input.note.trim();
      if (!note) throw new Error('The note is empty.');
      const body: AnnotationBody = { entity: e.id, note };
      if (input.path !== undefined && input.start !== undefined && input.end !== undefined) {
        const span = selection(ctx, input.path, input.start, input.end);
        return { ...base, body, target: makeTarget(input.path, span.text, span.start, span.end) };
      }
      return { ...base, body };
    }
    case 'speaker':
    case 'notQuote':
      return quoteAnnotation(input, ctx, base);
    default:
      return spanAnnotation(input, ctx, base);
  }
}

type SpanInput = Extract<AnnotationInput, { kind: 'add' | 'confirm' | 'reject' | 'relabel' | 'link' }>;
type QuoteInput = Extract<AnnotationInput, { kind: 'speaker' | 'notQuote' }>;

/** Quote rulings anchor to the whole quote; a speaker for text that is no quote adds it as one. */
function quoteAnnotation(input: QuoteInput, ctx: AnnotationContext, base: Omit<Annotation, 'body'>): Annotation {
  const text = ctx.text(input.path);
  if (text === undefined) throw new Error(`${input.path} is not in the index (is it excluded or too large?).`);
  const quote = quoteAt(ctx.quotes(input.path), input.start, input.end);
  if (input.kind === 'notQuote') {
    if (!quote) throw new Error('There is no quote there (any more): the text may have changed.');
    return { ...base, target: makeTarget(input.path, text, quote.start, quote.end), body: {} };
  }
  let body: AnnotationBody = {};
  if (input.speaker !== null) {
    const e = ctx.entity(input.speaker);
    if (!e) throw new Error(`Unknown entity "${input.speaker}".`);
    body = { entity: e.id, type: e.type };
  }
  if (quote) return { ...base, target: makeTarget(input.path, text, quote.start, quote.end), body };
  if (input.start === input.end) throw new Error('There is no quote there: select the quoted words to add them as a quote.');
  const span = selection(ctx, input.path, input.start, input.end);
  return { ...base, target: makeTarget(input.path, text, span.start, span.end), body };
}

function spanAnnotation(input: SpanInput, ctx: AnnotationContext, base: Omit<Annotation, 'body'>): Annotation {
  const span = selection(ctx, input.path, input.start, input.end);
  const covering = ctx.mentions(input.path).find((m) => m.start <= span.start && m.end >= span.end) ??
    ctx.mentions(input.path).find((m) => m.start < span.end && m.end > span.start);
  // Rulings on a mention anchor to the whole mention; an added mention anchors to the selection.
  const onMention = input.kind !== 'add' && covering ? covering : undefined;
  const start = onMention?.start ?? span.start;
  const end = onMention?.end ?? span.end;
  const target = makeTarget(input.path, span.text, start, end);
  const exact = span.text.slice(start, end);
  let body: AnnotationBody;
  switch (input.kind) {
    case 'add':
      body = { type: input.type, entity: input.entity ? (ctx.entity(input.entity)?.id ?? input.entity) : entityId(input.type, exact) };
      break;
    case 'confirm':
      if (!covering) throw new Error(`No entity mention at "${exact}" to confirm; use Mark Selection as… to add one.`);
      body = { type: covering.type, entity: covering.entity };
      break;
    case 'reject':
      body = { type: covering?.type, entity: covering?.entity, everywhere: input.everywhere || undefined };
      if (!covering && !input.everywhere) throw new Error(`No entity mention at "${exact}" to reject.`);
      break;
    case 'relabel':
      if (!covering) throw new Error(`No entity mention at "${exact}" to relabel; use Mark Selection as… instead.`);
      body = { type: input.type, entity: covering.type === input.type ? covering.entity : entityId(input.type, exact) };
      break;
    case 'link': {
      const e = ctx.entity(input.entity);
      if (!e) throw new Error(`Unknown entity "${input.entity}".`);
      body = { type: e.type, entity: e.id };
      break;
    }
  }
  return { ...base, target, body: compact(body) };
}

/** No `undefined` members: what is stored must equal what is read back. */
function compact(body: AnnotationBody): AnnotationBody {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as AnnotationBody;
}

/** The selection, checked and trimmed of surrounding white space. */
function selection(ctx: AnnotationContext, path: string, start: number, end: number): { text: string; start: number; end: number } {
  const text = ctx.text(path);
  if (text === undefined) throw new Error(`${path} is not in the index (is it excluded or too large?).`);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new Error(`Invalid selection ${start}-${end} in ${path} (${text.length} characters).`);
  }
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start === end) throw new Error('The selection is only white space.');
  return { text, start, end };
}
