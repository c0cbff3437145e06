// One entry for every source kind: checks size and content type, runs the extractor under a
// time budget, and turns every failure into a SourceError with a one-line reason.
import { extractDocx } from './docx';
import { extractHtml } from './html';
import { extractPdf } from './pdf';
import { checkKind } from './sniff';
import { DEFAULT_LIMITS, SourceError, type ExtractedSource, type ExtractLimits, type SourceKind } from './types';

export * from './types';

export async function extractSource(kind: SourceKind, bytes: Uint8Array, limits: Partial<ExtractLimits> = {}): Promise<ExtractedSource> {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  if (bytes.length > lim.maxBytes) {
    throw new SourceError('too-large', `${(bytes.length / 1024 / 1024).toFixed(1)} MB is above the ${(lim.maxBytes / 1024 / 1024).toFixed(0)} MB limit for one document; not read`);
  }
  checkKind(kind, bytes);
  const started = Date.now();
  const timeout = () => new SourceError('timeout', `extraction took longer than ${lim.maxMs / 1000} s, the limit for one document; not read`);
  const deadline = () => {
    if (Date.now() - started > lim.maxMs) throw timeout();
  };
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(timeout()), lim.maxMs)));
  try {
    const work = kind === 'pdf' ? extractPdf(bytes, lim, deadline) : kind === 'docx' ? extractDocx(bytes, lim) : Promise.resolve().then(() => extractHtml(bytes, lim));
    return await Promise.race([work, budget]);
  } catch (err) {
    if (err instanceof SourceError) throw err;
    throw new SourceError('damaged', `could not be read (${err instanceof Error ? err.message : String(err)})`);
  } finally {
    clearTimeout(timer);
  }
}
