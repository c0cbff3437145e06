// The read-only text of a PDF, HTML or DOCX file lives at a `dossier-source:` uri: the original's
// path plus ".txt" (so editors treat it as plain text, never as HTML), its scheme in the query.
import * as vscode from 'vscode';
import { sourceKindOf, type SourceKind } from '../../core/sources/types';

export const SOURCE_SCHEME = 'dossier-source';
const SUFFIX = '.txt';

/** The kind of a file uri Dossier extracts text from, else undefined. */
export function sourceKindOfUri(uri: vscode.Uri): SourceKind | undefined {
  return uri.scheme === SOURCE_SCHEME ? undefined : sourceKindOf(uri.path);
}

/** The text view of an original document (any other uri is returned as it is). */
export function textUriOf(original: vscode.Uri): vscode.Uri {
  if (!sourceKindOfUri(original)) return original;
  return vscode.Uri.from({ scheme: SOURCE_SCHEME, authority: original.authority, path: original.path + SUFFIX, query: original.scheme });
}

/** The original document behind a text view (any other uri is returned as it is). */
export function originalUriOf(uri: vscode.Uri): vscode.Uri {
  if (uri.scheme !== SOURCE_SCHEME || !uri.path.endsWith(SUFFIX)) return uri;
  return vscode.Uri.from({ scheme: uri.query || 'file', authority: uri.authority, path: uri.path.slice(0, -SUFFIX.length) });
}
