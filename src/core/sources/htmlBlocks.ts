// Text of an HTML fragment as blocks: each heading, paragraph, list item and cell its own block,
// blocks joined by blank lines, so offsets map back to the element they came from.
import { parseHTML } from 'linkedom';
import type { BlockSpan } from './types';

const BLOCK = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'TD', 'TH', 'BLOCKQUOTE', 'PRE', 'DT', 'DD', 'FIGCAPTION', 'CAPTION']);
const CONTAINER = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'BODY', 'UL', 'OL', 'DL', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'FIGURE', 'HEADER', 'FOOTER', 'SPAN']);

interface El {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  childNodes: ArrayLike<El>;
}

export function blocksOf(html: string, maxChars: number): { text: string; blocks: BlockSpan[] } {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  let text = '';
  const blocks: BlockSpan[] = [];
  const add = (tag: string, raw: string) => {
    const body = raw.replace(/\s+/g, ' ').trim();
    if (!body || text.length > maxChars) return;
    if (text) text += '\n\n';
    blocks.push({ tag, start: text.length, end: text.length + body.length });
    text += body;
  };
  // A paragraph inside a cell or list item is labelled by the cell: the map says "table cell".
  const walk = (node: El, outer?: string) => {
    for (const child of Array.from(node.childNodes)) {
      const tag = child.tagName?.toUpperCase();
      const label = outer ?? tag?.toLowerCase() ?? 'p';
      if (child.nodeType === 3) add(outer ?? 'p', child.textContent ?? '');
      else if (tag && BLOCK.has(tag) && !hasBlockChild(child)) add(label, child.textContent ?? '');
      else if (tag && (CONTAINER.has(tag) || BLOCK.has(tag))) walk(child, outer ?? (['TD', 'TH', 'LI'].includes(tag) ? tag.toLowerCase() : undefined));
      else if (tag) add(outer ?? 'p', child.textContent ?? '');
    }
  };
  walk(document.body as unknown as El);
  return { text, blocks };
}

function hasBlockChild(node: El): boolean {
  return Array.from(node.childNodes).some((c) => {
    const tag = c.tagName?.toUpperCase();
    return !!tag && (BLOCK.has(tag) || (CONTAINER.has(tag) && tag !== 'SPAN'));
  });
}
