// PDF via pdf.js (legacy build, for Node): its text layer only. No eval, no fonts, no scripting,
// no network: the bytes are handed over in memory and nothing is rendered.
import { SourceError, type ExtractedSource, type ExtractLimits, type PageSpan } from './types';
import { dropRunningLines, pageText, readingOrder, toLines, type PageLines, type TextItem } from './pdfLayout';
import { pdfDate } from './dates';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: PdfJs | undefined;

/** pdf.js builds one DOMMatrix at load time for its canvas renderer, which we never run. */
class InertMatrix {
  a = 1; b = 0; c = 0; d = 1; e = 0; f = 0;
}

function loadPdfJs(): PdfJs {
  if (!pdfjs) {
    const g = globalThis as { DOMMatrix?: unknown };
    g.DOMMatrix ??= InertMatrix;
    // The worker module on globalThis makes pdf.js parse on this thread (our own worker already
    // keeps it off the extension host), so no worker file has to be found at run time.
    // pdf.js warns on console.log at load time about canvas polyfills: that would corrupt the
    // CLI's --json output, and rendering is never used here.
    const { log, warn } = console;
    console.log = console.warn = () => undefined;
    try {
      // require, not import: the load must happen inside this silenced window (Node 20.19+ requires ESM).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = require('pdfjs-dist/legacy/build/pdf.worker.mjs');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      pdfjs = require('pdfjs-dist/legacy/build/pdf.mjs') as PdfJs;
    } finally {
      console.log = log;
      console.warn = warn;
    }
  }
  return pdfjs;
}

export async function extractPdf(bytes: Uint8Array, limits: ExtractLimits, deadline: () => void): Promise<ExtractedSource> {
  const lib = loadPdfJs();
  const task = lib.getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of the buffer it is given
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') throw new SourceError('encrypted', 'encrypted PDF (it needs a password); save an unprotected copy to index it');
    throw new SourceError('damaged', `damaged or truncated PDF (${(err as Error).message})`);
  }
  try {
    const pages: PageLines[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      deadline();
      const page = await doc.getPage(n);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        items.push({ str: it.str, x: it.transform[4], y: it.transform[5], width: it.width, height: it.height || Math.abs(it.transform[3]) });
      }
      pages.push({ width, height, lines: toLines(items) });
      page.cleanup();
    }
    let text = '';
    const spans: PageSpan[] = [];
    for (const [i, p] of dropRunningLines(pages).entries()) {
      const body = pageText(readingOrder(p));
      if (!body) continue;
      if (text) text += '\n\n';
      spans.push({ page: i + 1, start: text.length, end: text.length + body.length });
      text += body;
      if (text.length > limits.maxChars) throw new SourceError('too-large', `more than ${limits.maxChars} characters of text; not indexed`);
    }
    if (!text.trim()) throw new SourceError('no-text-layer', 'no text layer: run OCR first');
    const meta = await doc.getMetadata().catch(() => undefined);
    const info = (meta?.info ?? {}) as { CreationDate?: string; Title?: string };
    const fromInfo = pdfDate(info.CreationDate);
    const fromXmp = fromInfo ? undefined : pdfDate(meta?.metadata?.get('xmp:createdate') ?? undefined);
    const date = fromInfo ?? fromXmp;
    return {
      kind: 'pdf',
      text,
      pages: spans,
      ...(info.Title ? { title: info.Title } : {}),
      ...(date ? { date, dateSource: fromInfo ? 'pdf-metadata' : 'xmp' } : {}),
    };
  } finally {
    await doc.destroy();
  }
}
