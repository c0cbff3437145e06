// The index path over PDF, HTML and DOCX (openFolderIndex, as every CLI command and the
// extension's port do): the file's metadata date anchors its analysis, unreadable files are
// skipped with a source code, and stale extracted-text cache entries are pruned.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openFolderIndex } from '../../../src/cli/nodeWorkspace';
import { mentionsCsv, parseCsv } from '../../../src/core/index/export/csv';
import { toWebAnnotations } from '../../../src/core/index/export/jsonld';
import { sourceCacheKey } from '../../../src/core/sources/textCache';
import { ROOT } from './cliSupport';

const FIXTURES = path.join(ROOT, 'test/fixtures/sources');

describe('sources: the index path', function () {
  this.timeout(120_000);
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-index-path-'));
    for (const f of ['two-column.pdf', 'scanned.pdf', 'article.html', 'interview.docx']) fs.copyFileSync(path.join(FIXTURES, f), path.join(dir, f));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('dates each document from its own metadata, as dossier extract does', async () => {
    const { index } = await openFolderIndex(dir);
    await index.scan();
    const cases: [string, string][] = [['two-column.pdf', '2024-03-21'], ['article.html', '2023-09-18']];
    for (const [file, date] of cases) {
      const analysis = index.getDocument(file)?.analysis;
      assert.equal(analysis?.documentDate, date, file);
      assert.equal(analysis?.documentDateSource, 'metadata', file);
    }
    index.dispose();
  });

  it('lists the scanned PDF as skipped with a source code, not as a read error', async () => {
    const { index } = await openFolderIndex(dir);
    const summary = await index.scan();
    assert.deepEqual(summary.skipped, [{ path: 'scanned.pdf', reason: 'no text layer: run OCR first', code: 'source-no-text-layer' }]);
    assert.deepEqual(index.documents(), ['article.html', 'interview.docx', 'two-column.pdf']);
    index.dispose();
  });

  it('exports the page of every PDF mention in the mentions CSV', async () => {
    const { index } = await openFolderIndex(dir);
    await index.scan();
    const [header, ...rows] = parseCsv(mentionsCsv(index));
    const col = (name: string) => header!.indexOf(name);
    const vasquez = rows.filter((r) => r[col('document')] === 'two-column.pdf');
    assert.ok(vasquez.length > 0);
    assert.ok(vasquez.every((r) => r[col('page')] === '1'));
    assert.ok(rows.filter((r) => r[col('document')] === 'article.html').every((r) => r[col('page')] === ''));
    index.dispose();
  });

  it('gives every PDF mention its page in the JSON-LD export', async () => {
    const { index } = await openFolderIndex(dir);
    await index.scan();
    type Item = { id: string; motivation: string; 'dossier:page'?: number };
    const items = (toWebAnnotations(index) as { first: { items: Item[] } }).first.items.filter((i) => i.motivation === 'identifying');
    const inPdf = items.filter((i) => i.id.includes(encodeURIComponent('two-column.pdf')));
    assert.ok(inPdf.length > 0);
    assert.ok(inPdf.every((i) => i['dossier:page'] === 1));
    assert.ok(items.filter((i) => i.id.includes('article.html')).every((i) => i['dossier:page'] === undefined));
    index.dispose();
  });

  it('prunes cache entries of replaced files and older extractor versions, keeps the live ones', async () => {
    const cacheDir = path.join(dir, '.dossier/cache/sources');
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.writeFileSync(path.join(cacheDir, 'sources-0-00000000000000000000000000.json'), '{"ok":{}}');
    const first = await openFolderIndex(dir);
    await first.index.scan();
    first.index.dispose();
    const oldKey = sourceCacheKey(fs.readFileSync(path.join(dir, 'two-column.pdf')));
    assert.ok(fs.existsSync(path.join(dir, oldKey)));
    fs.copyFileSync(path.join(FIXTURES, 'header-footer.pdf'), path.join(dir, 'two-column.pdf'));
    const second = await openFolderIndex(dir);
    await second.index.scan();
    second.index.dispose();
    const names = fs.readdirSync(cacheDir).sort();
    const live = ['two-column.pdf', 'scanned.pdf', 'article.html', 'interview.docx'].map((f) => path.basename(sourceCacheKey(fs.readFileSync(path.join(dir, f))))).sort();
    assert.deepEqual(names, live);
  });
});
