// The tagger's label set: BILOU over the three name types (dates stay with the grammar).
// Label 0 is O; then B, I, L, U for PERSON, ORG and PLACE in that order.
import type { EntityType } from '../../model';

export const NAME_TYPES = ['PERSON', 'ORG', 'PLACE'] as const;
export type NameType = (typeof NAME_TYPES)[number];
const PARTS = ['B', 'I', 'L', 'U'] as const;
type Part = (typeof PARTS)[number];

export const LABELS: string[] = ['O', ...NAME_TYPES.flatMap((t) => PARTS.map((p) => `${p}-${t}`))];
export const LABEL_COUNT = LABELS.length;

export const labelOf = (part: Part, type: NameType): number => 1 + NAME_TYPES.indexOf(type) * 4 + PARTS.indexOf(part);
export const partOf = (label: number): Part | 'O' => (label === 0 ? 'O' : PARTS[(label - 1) % 4]);
export const typeOf = (label: number): NameType | null => (label === 0 ? null : NAME_TYPES[Math.floor((label - 1) / 4)]);
export const isNameType = (t: EntityType | string): t is NameType => (NAME_TYPES as readonly string[]).includes(t);

/** Whether `next` may follow `prev` in a well-formed BILOU sequence (-1: sequence start). */
export function allowed(prev: number, next: number): boolean {
  const open = prev > 0 && (partOf(prev) === 'B' || partOf(prev) === 'I');
  const p = partOf(next);
  if (open) return (p === 'I' || p === 'L') && typeOf(next) === typeOf(prev);
  return p === 'O' || p === 'B' || p === 'U';
}

/** Whether a sequence may end after `label` (no span left open). */
export const canEnd = (label: number): boolean => !(label > 0 && (partOf(label) === 'B' || partOf(label) === 'I'));

export interface TokenSpan {
  /** Token indices, end exclusive. */
  first: number;
  last: number;
  type: NameType;
}

/** Per-token labels for spans over tokens (spans must not overlap). */
export function encodeSpans(count: number, spans: TokenSpan[]): Uint8Array {
  const out = new Uint8Array(count);
  for (const s of spans) {
    if (s.last - s.first === 1) out[s.first] = labelOf('U', s.type);
    else for (let i = s.first; i < s.last; i++) out[i] = labelOf(i === s.first ? 'B' : i === s.last - 1 ? 'L' : 'I', s.type);
  }
  return out;
}

/** Spans read back from labels; a malformed run is closed where it breaks. */
export function decodeSpans(labels: ArrayLike<number>): TokenSpan[] {
  const out: TokenSpan[] = [];
  let open: TokenSpan | null = null;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    const p = partOf(l);
    const t = typeOf(l);
    if (open && (p === 'I' || p === 'L') && t === open.type) {
      open.last = i + 1;
      if (p === 'L') open = null;
      continue;
    }
    open = null;
    if (!t) continue;
    const span: TokenSpan = { first: i, last: i + 1, type: t };
    out.push(span);
    if (p === 'B' || p === 'I') open = span;
  }
  return out;
}
