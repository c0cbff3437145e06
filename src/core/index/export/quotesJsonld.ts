// Quotes as W3C Web Annotations: the target is the quoted text, the body classifies it as a
// quote of its kind and links the speaker entity. Marked with a provenance so that
// `dossier import` counts them as derived data rather than importing them.
import type { EntityIndex } from '../types';
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
      target: {
        source: path,
        selector: [
          { type: 'TextQuoteSelector', exact: q.text, prefix: text.slice(Math.max(0, q.start - 32), q.start), suffix: text.slice(q.end, q.end + 32) },
          { type: 'TextPositionSelector', start: q.start, end: q.end },
        ],
      },
      'dossier:provenance': q.provenance,
      'dossier:confidence': q.confidence,
    };
  });
}
