// Applies the user's anchored mention-level decisions to one document's mentions and sets
// every mention's provenance (auto, confirmed, rejected, manual). Merges are applied last.
import { entityId, type Mention } from '../model';
import { placeMention } from './lexiconOverlay';
import type { Annotation, MentionWithProvenance } from './types';

export interface AnchoredAnnotation {
  annotation: Annotation;
  start: number;
  end: number;
}

/** `anchored` must be in chronological order: a later decision on a span wins. */
export function applyAnnotations(
  text: string,
  mentions: readonly Mention[],
  anchored: readonly AnchoredAnnotation[],
  resolve: (id: string) => string,
): MentionWithProvenance[] {
  let out: MentionWithProvenance[] = mentions.map((m) => ({ ...m, provenance: 'auto' }));
  for (const { annotation: a, start, end } of anchored) {
    const at = out.find((m) => m.start === start && m.end === end);
    const ruled = (m: MentionWithProvenance, change: Partial<MentionWithProvenance>): MentionWithProvenance => ({
      ...m,
      ...change,
      annotations: [...(m.annotations ?? []), a.id],
    });
    const fresh = (provenance: MentionWithProvenance['provenance']): MentionWithProvenance | undefined => {
      const type = a.body.type;
      if (!type) return undefined;
      return {
        start,
        end,
        text: text.slice(start, end),
        type,
        entity: a.body.entity ?? entityId(type, text.slice(start, end)),
        confidence: 1,
        source: 'lexicon',
        provenance,
        annotations: [a.id],
      };
    };
    const put = (m: MentionWithProvenance | undefined) => {
      if (m) out = placeMention(out, m) as MentionWithProvenance[];
    };
    switch (a.kind) {
      case 'add':
        put(fresh('manual'));
        break;
      case 'confirm':
        put(at ? ruled(at, { provenance: at.provenance === 'manual' ? 'manual' : 'confirmed' }) : fresh('confirmed'));
        break;
      case 'reject':
        // Kept (struck through on demand) even when the engine no longer finds it.
        put(at ? ruled(at, { provenance: 'rejected' }) : fresh('rejected'));
        break;
      case 'relabel':
        if (a.body.type) {
          const type = a.body.type;
          put(at ? ruled(at, { type, entity: at.type === type ? at.entity : entityId(type, at.text), provenance: provenanceAfterEdit(at) }) : fresh('confirmed'));
        }
        break;
      case 'link':
        if (a.body.entity) {
          put(at ? ruled(at, { entity: a.body.entity, type: a.body.type ?? at.type, provenance: provenanceAfterEdit(at) }) : fresh('confirmed'));
        }
        break;
      default:
        break; // entity-level kinds do not touch spans
    }
  }
  return out.map((m) => {
    const entity = resolve(m.entity);
    return entity === m.entity ? m : { ...m, entity };
  });
}

function provenanceAfterEdit(m: MentionWithProvenance): MentionWithProvenance['provenance'] {
  return m.provenance === 'manual' ? 'manual' : 'confirmed';
}
