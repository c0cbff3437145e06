// The file's own bytes say what it is: a renamed file gets a clear message, not a parser crash.
import { SourceError, type SourceKind } from './types';

export function sniffKind(bytes: Uint8Array): SourceKind | 'zip' | 'text' | 'unknown' {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) return 'docx';
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype html|html|head|body|meta|title|div|p)\b/i.test(head.replace(/^\uFEFF/, ''))) return 'html';
  if (!head.includes('\u0000')) return 'text';
  return 'unknown';
}

const NAMES: Record<string, string> = { pdf: 'a PDF', docx: 'a Word (zip) file', html: 'an HTML page', text: 'plain text', unknown: 'binary data', zip: 'a zip file' };

/** Throws when the content is not what the extension promises. */
export function checkKind(expected: SourceKind, bytes: Uint8Array): void {
  const found = sniffKind(bytes);
  if (found === expected || (expected === 'html' && found === 'text')) return;
  throw new SourceError('wrong-kind', `named .${expected === 'html' ? 'html' : expected} but the content is ${NAMES[found]}; rename it to its real extension`);
}
