// Extraction over the committed fixtures (made by scripts/fixtures/make-sources.mjs with
// chromium, qpdf and JSZip): offsets, page and block maps, dates, and every bad input.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { extractSource, pageAt, SourceError, sourceKindOf, type SourceKind } from '../../../src/core/sources/index';

const dir = path.resolve(__dirname, '../../../../test/fixtures/sources');
const read = (name: string) => fs.readFileSync(path.join(dir, name));
const extract = (name: string, limits = {}) => extractSource(sourceKindOf(name) as SourceKind, read(name), limits);

async function rejects(p: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof SourceError, `a SourceError, got ${String(err)}`);
    assert.equal(err.code, code);
    assert.match(err.message, message);
    assert.ok(!err.message.includes('\n'), 'one line');
    return true;
  });
}

describe('sources: PDF', () => {
  it('reads a two-column page column by column, with the date from CreationDate', async () => {
    const doc = await extract('two-column.pdf');
    const left = doc.text.indexOf('Okonkwo said the office had promised');
    const right = doc.text.indexOf('In the second column the review turns');
    assert.ok(left > 0 && right > left, 'the left column is read before the right one');
    assert.match(doc.text, /Tobias Lindqvist, a lawyer for the Baltic Freight Association/);
    assert.equal(doc.date, '2024-03-21');
    assert.equal(doc.dateSource, 'pdf-metadata');
  });

  it('drops running headers and page numbers, joins line-end hyphens, and maps offsets to pages', async () => {
    const doc = await extract('header-footer.pdf');
    assert.doesNotMatch(doc.text, /Grain terminal audit 2023/, 'the running header is gone');
    assert.doesNotMatch(doc.text, /^\d+$/m, 'no line is a bare page number');
    assert.match(doc.text, /operators disputed in a letter/);
    assert.deepEqual(doc.pages?.map((p) => p.page), [1, 2, 3]);
    assert.equal(pageAt(doc.pages, doc.text.indexOf('Henrietta Vasquez')), 1);
    assert.equal(pageAt(doc.pages, doc.text.indexOf('Oskar Brennan')), 2);
    assert.equal(pageAt(doc.pages, doc.text.indexOf('recalibrated without notice')), 3);
    for (const p of doc.pages ?? []) assert.equal(doc.text.slice(p.start, p.end).trim(), doc.text.slice(p.start, p.end));
    assert.equal(doc.date, '2023-11-02');
  });

  it('says a scanned PDF has no text layer', () => rejects(extract('scanned.pdf'), 'no-text-layer', /^no text layer: run OCR first$/));
  it('says an encrypted PDF needs a password', () => rejects(extract('encrypted.pdf'), 'encrypted', /encrypted PDF/));
  it('says a truncated PDF is damaged', () => rejects(extract('truncated.pdf'), 'damaged', /damaged or truncated PDF/));
  it('says a Word file renamed to .pdf is not a PDF', () => rejects(extract('renamed-docx.pdf'), 'wrong-kind', /named \.pdf but the content is a Word/));
  it('refuses a file above the size limit before parsing it', () => rejects(extract('two-column.pdf', { maxBytes: 1000 }), 'too-large', /above the 0 MB limit for one document/));
});

describe('sources: HTML', () => {
  it('keeps the article with its title, byline and published date, and drops the boilerplate', async () => {
    const doc = await extract('article.html');
    assert.ok(doc.text.startsWith('Dockworkers strike over night shifts'));
    assert.match(doc.text, /Tomasz Wierzbicki, said the plan/);
    assert.match(doc.text, /diverted to Gdynia/);
    for (const junk of ['Cheap flights', 'Most read', 'injected by script', 'Subscribe now', 'newsletter', 'All rights reserved', 'trackingId']) {
      assert.ok(!doc.text.includes(junk), `"${junk}" is dropped`);
    }
    assert.equal(doc.date, '2023-09-18');
    assert.equal(doc.dateSource, 'html-meta');
    assert.match(doc.byline ?? '', /Priya Castellanos/);
    const para = doc.blocks?.find((b) => doc.text.slice(b.start, b.end).startsWith('Hundreds of dockworkers'));
    assert.equal(para?.tag, 'p');
  });

  it('reads the date from <time datetime> when no meta names one', async () => {
    const html = read('article.html').toString('utf8').replace(/<meta property="article:published_time"[^>]*>/, '');
    const doc = await extractSource('html', Buffer.from(html));
    assert.equal(doc.date, '2023-09-18');
    assert.equal(doc.dateSource, 'html-time');
  });

  it('reads a page with megabytes of inline script without running or keeping it', async () => {
    const script = `<script>${'var x = "<p>not text</p>";\n'.repeat(200_000)}</script>`;
    const html = read('article.html').toString('utf8').replace('<body>', `<body>${script}`);
    assert.ok(html.length > 5_000_000);
    const doc = await extractSource('html', Buffer.from(html));
    assert.ok(!doc.text.includes('not text'));
    assert.match(doc.text, /Tomasz Wierzbicki/);
  });

  it('refuses a 50 MB page under the default limit, with the limit named', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 'a');
    await rejects(extractSource('html', big), 'too-large', /above the 50 MB limit for one document/);
  });

  it('says an HTML page renamed to .docx is not a Word file', () => rejects(extract('renamed-html.docx'), 'wrong-kind', /named \.docx but the content is an HTML page/));
});

describe('sources: DOCX', () => {
  it('keeps headings, paragraphs and table cells as blocks, with the date from dcterms:created', async () => {
    const doc = await extract('interview.docx');
    const tags = (doc.blocks ?? []).map((b) => b.tag);
    assert.equal(tags[0], 'h1');
    assert.ok(tags.includes('h2') && tags.includes('td'), tags.join(' '));
    assert.equal(doc.text.slice(doc.blocks![0]!.start, doc.blocks![0]!.end), 'Interview notes: the Valdoria pipeline');
    assert.match(doc.text, /Dr\. Leonora Fischbach/);
    assert.match(doc.text, /12 April 2019/);
    assert.equal(doc.date, '2022-06-07');
    assert.equal(doc.dateSource, 'docx-core');
    for (const b of doc.blocks ?? []) assert.ok(b.end <= doc.text.length && b.start < b.end);
  });

  it('refuses a zip bomb before inflating it', () => rejects(extract('zip-bomb.docx'), 'unsafe', /zip bomb/));
  it('refuses an XML entity bomb', () => rejects(extract('entity-bomb.docx'), 'unsafe', /entity bomb/));
  it('says a truncated Word file is damaged', async () => {
    const bytes = read('interview.docx');
    await rejects(extractSource('docx', bytes.subarray(0, bytes.length / 2)), 'damaged', /damaged or truncated Word file/);
  });
  it('says a zip without word/document.xml is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hello');
    await rejects(extractSource('docx', await zip.generateAsync({ type: 'nodebuffer' })), 'damaged', /no word\/document\.xml/);
  });
});
