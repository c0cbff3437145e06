// Quotes as W3C Web Annotations: the target is the quoted text, the body classifies it as a
// quote of its kind and links the speaker entity. Marked with a provenance so that
// `dossier import` counts them as derived data rather than importing them.
import type { EntityIndex } from '../types';
import { makeTarget } from '../anchoring';
import { corpusQuotes } from '../quotes';

export function quoteAnnotations(index: EntityIndex): object[] {
  return corpusQuotes(index).map(({ path, quote: q, speakerName }) => {
    const text = index.getText(path) ?? '';
    const speaker = q.speaker
      ? [{ type: 'SpecificResource', purpose: 'identifying', source: `urn:dossier:entity:${q.speaker}`, 'dossier:role': 'speaker', 'dossier:canonical': speakerName }]
      : [];
    return {
      id: `urn:dossier:quote:${encodeURIComponent(path)}:${q.start}-${q.end}`,
      type: 'Annotation',
      motivation: 'classifying',
      body: [{ type: 'TextualBody', purpose: 'classifying', value: `quote:${q.kind}` }, ...speaker],
      target: makeTarget(path, text, q.start, q.end),
      'dossier:provenance': q.provenance,
      'dossier:confidence': q.confidence,
    };
  });
}
