// DOCX via mammoth (headings, paragraphs, tables as HTML, then blocks). The zip is opened first
// with JSZip to refuse bombs: parts that unpack past the limit, or XML that declares entities.
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { blocksOf } from './htmlBlocks';
import { isoDate } from './dates';
import { SourceError, type ExtractedSource, type ExtractLimits } from './types';

interface ZipEntry {
  dir: boolean;
  name: string;
  _data?: { uncompressedSize?: number };
  async(type: 'string'): Promise<string>;
}

export async function extractDocx(bytes: Uint8Array, limits: ExtractLimits): Promise<ExtractedSource> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    throw new SourceError('damaged', `damaged or truncated Word file (${(err as Error).message})`);
  }
  const entries = Object.values(zip.files) as unknown as ZipEntry[];
  // Sizes from the zip's own directory: checked before a single byte is inflated.
  const unpacked = entries.reduce((n, e) => n + (e._data?.uncompressedSize ?? 0), 0);
  const maxUnpacked = Math.max(limits.maxBytes, limits.maxChars * 4);
  if (unpacked > maxUnpacked) {
    throw new SourceError('unsafe', `unpacks to ${(unpacked / 1024 / 1024).toFixed(0)} MB (a zip bomb?), above the ${(maxUnpacked / 1024 / 1024).toFixed(0)} MB limit; not read`);
  }
  const main = zip.file('word/document.xml');
  if (!main) throw new SourceError('damaged', 'not a Word document (no word/document.xml in the zip)');
  for (const e of entries) {
    if (e.dir || !/\.(xml|rels)$/i.test(e.name)) continue;
    if (/<!(DOCTYPE|ENTITY)/i.test(await e.async('string'))) {
      throw new SourceError('unsafe', `${e.name} declares XML entities (an entity bomb?); Word never writes them; not read`);
    }
  }
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (err) {
    throw new SourceError('damaged', `damaged Word file (${(err as Error).message})`);
  }
  const { text, blocks } = blocksOf(html, limits.maxChars);
  if (text.length > limits.maxChars) throw new SourceError('too-large', `more than ${limits.maxChars} characters of text; not indexed`);
  const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
  const date = isoDate(/<dcterms:created[^>]*>([^<]*)</.exec(core)?.[1]);
  const title = /<dc:title>([^<]*)</.exec(core)?.[1]?.trim();
  return { kind: 'docx', text, blocks, ...(title ? { title } : {}), ...(date ? { date, dateSource: 'docx-core' } : {}) };
}
