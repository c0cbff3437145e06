// `dossier index` and `search` over a folder of PDF, HTML and DOCX: documents are indexed from
// their extracted text, the unreadable ones are listed with their reason (exit 1), and a second
// run takes every extraction from .dossier/cache/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCli, dossier, ROOT } from './cliSupport';
import { sourceCacheKey } from '../../../src/core/sources/textCache';

describe('sources: dossier index / search CLI', function () {
  this.timeout(180_000);
  let dir = '';
  before(() => {
    buildCli();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-sources-'));
    for (const f of ['two-column.pdf', 'scanned.pdf', 'article.html', 'interview.docx']) fs.copyFileSync(path.join(ROOT, 'test/fixtures/sources', f), path.join(dir, f));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('indexes PDF, HTML and DOCX, lists the scanned PDF as skipped with its reason, and exits 1', () => {
    const r = dossier(['index', '--json', dir]);
    assert.equal(r.code, 1, r.stderr);
    const summary = JSON.parse(r.stdout) as { documents: number; skipped: { path: string; reason: string }[] };
    assert.equal(summary.documents, 3);
    assert.deepEqual(summary.skipped.map((s) => s.path), ['scanned.pdf']);
    assert.match(summary.skipped[0]!.reason, /no text layer: run OCR first/);
    const cached = fs.readFileSync(path.join(dir, sourceCacheKey(fs.readFileSync(path.join(dir, 'two-column.pdf')))), 'utf8');
    assert.match(cached, /Marguerite Okonkwo/);
  });

  it('finds a name from each kind of document', () => {
    for (const [name, file] of [['Okonkwo', 'two-column.pdf'], ['Wierzbicki', 'article.html'], ['Drechsler', 'interview.docx']]) {
      const r = dossier(['search', name!, '--dir', dir]);
      assert.match(r.stdout, new RegExp(file!.replace('.', '\\.')), `${name} in ${file}: ${r.stdout}${r.stderr}`);
    }
  });

  it('a second run takes the extracted text from the cache and re-analyses nothing', () => {
    const r = dossier(['index', '--json', dir]);
    const summary = JSON.parse(r.stdout) as { analysed: number; fromCache: number };
    assert.equal(summary.analysed, 0);
    assert.equal(summary.fromCache, 3);
  });
});
