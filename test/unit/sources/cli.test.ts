// `dossier extract` over PDF, HTML and DOCX through the built CLI: --text shows what Dossier
// read, --json carries the page of each PDF mention, and an unreadable file costs exit 1 and one
// stderr line while the other inputs are still analysed.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildCli, dossier, ROOT } from './cliSupport';

const fixture = (name: string) => path.join(ROOT, 'test/fixtures/sources', name);

describe('sources: dossier extract CLI', function () {
  this.timeout(180_000);
  before(() => {
    buildCli();
  });

  it('--text prints the extracted text of a PDF, without its running header', () => {
    const r = dossier(['extract', '--text', fixture('header-footer.pdf')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Inspector Henrietta Vasquez of the Coastal Audit Office/);
    assert.doesNotMatch(r.stdout, /Grain terminal audit 2023/);
  });

  it('--json gives every PDF mention its 1-based page, and the kind of each document', () => {
    const r = dossier(['extract', '--json', fixture('header-footer.pdf'), fixture('interview.docx'), fixture('article.html')]);
    assert.equal(r.code, 0, r.stderr);
    const [pdf, docx, html] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; mentions: { text: string; page?: number }[] });
    assert.deepEqual([pdf!.kind, docx!.kind, html!.kind], ['pdf', 'docx', 'html']);
    assert.equal(pdf!.mentions.find((m) => m.text === 'Henrietta Vasquez')?.page, 1);
    assert.equal(pdf!.mentions.find((m) => m.text.includes('Brennan'))?.page, 2);
    assert.ok(pdf!.mentions.every((m) => typeof m.page === 'number'));
    assert.ok(docx!.mentions.every((m) => m.page === undefined));
    assert.ok(docx!.mentions.some((m) => m.text === 'Anselm Drechsler'));
  });

  it('exits 1 with one line per unreadable file, and still analyses the rest', () => {
    const bad = ['scanned.pdf', 'encrypted.pdf', 'truncated.pdf', 'zip-bomb.docx', 'entity-bomb.docx', 'renamed-docx.pdf'];
    const r = dossier(['extract', '--json', ...bad.map(fixture), fixture('two-column.pdf')]);
    assert.equal(r.code, 1);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, bad.length, r.stderr);
    for (const [i, name] of bad.entries()) assert.match(lines[i]!, new RegExp(`^dossier extract: cannot read .*${name.replace('.', '\\.')}: `));
    assert.match(lines[0]!, /no text layer: run OCR first$/);
    assert.ok(!r.stderr.includes('    at '), 'no stack trace');
    assert.equal(r.stdout.trim().split('\n').length, 1, 'the readable PDF is still analysed');
  });
});
