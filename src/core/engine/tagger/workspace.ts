// The workspace's tagger: the shipped model adapted to the researcher's corrections, rebuilt
// deterministically from the mention-level annotations and the texts they anchor in (nothing
// new to share: .dossier/annotations.json and the documents are the whole input). The input, its
// key and the cache files are in core/index/corrections.ts (the extension host reads them too).
export { MAX_TEACHING_DOCUMENTS, teachingAnnotations, correctionsKey, type WorkspaceCorrections } from '../../index/corrections';
import { MAX_TEACHING_DOCUMENTS, teachingAnnotations, type WorkspaceCorrections } from '../../index/corrections';
import type { Annotation } from '../../index/types';
import { anchor } from '../../index/anchoring';
import { applyAnnotations, type AnchoredAnnotation } from '../../index/annotationOverlay';
import { deriveLexicon, lexiconForText } from '../../index/lexicon';
import { analyzeRules, analyzeWith } from '../index';
import { isNameType } from './labels';
import type { LoadedTagger } from './index';
import { adaptToCorrections, type CorrectedDocument } from './corrections';

/** Each annotated document with its corrections applied: the examples the tagger learns from. */
export function correctedDocuments(base: LoadedTagger | null, input: WorkspaceCorrections): CorrectedDocument[] {
  const anns = teachingAnnotations(input.annotations);
  if (!anns.length) return [];
  const lexicon = deriveLexicon(input.annotations);
  const byPath = new Map<string, Annotation[]>();
  for (const a of anns) byPath.set(a.target!.source, [...(byPath.get(a.target!.source) ?? []), a]);
  const out: CorrectedDocument[] = [];
  // The documents ruled on last (annotations are in chronological order), then by path.
  const last = new Map<string, number>();
  anns.forEach((a, i) => last.set(a.target!.source, i));
  const latest = [...byPath.keys()].sort((a, b) => last.get(b)! - last.get(a)!).slice(0, MAX_TEACHING_DOCUMENTS);
  for (const path of latest.sort()) {
    const text = input.texts[path];
    if (text === undefined) continue;
    const anchored: AnchoredAnnotation[] = [];
    for (const a of byPath.get(path)!) {
      const r = anchor(text, a.target!);
      if ('start' in r) anchored.push({ annotation: a, start: r.start, end: r.end });
    }
    if (!anchored.length) continue;
    // What the researcher saw (their lexicon applied), then their rulings on this document.
    const seen = analyzeWith(base, text, { lexicon: lexiconForText(lexicon, text) }).mentions;
    const names = applyAnnotations(text, seen, anchored, (id) => id).filter((m) => m.provenance !== 'rejected' && isNameType(m.type));
    // The evidence the tagger will see on unseen text: the rules without the user's lexicon.
    const rules = analyzeRules(text).mentions;
    out.push({ text, names, rules, touched: anchored.map(({ start, end }) => ({ start, end })) });
  }
  return out;
}

/** The shipped tagger adapted to the workspace; the base itself when nothing teaches it. */
export function workspaceTagger(base: LoadedTagger, input: WorkspaceCorrections): LoadedTagger {
  const docs = correctedDocuments(base, input);
  return docs.length ? adaptToCorrections(base, docs) : base;
}
