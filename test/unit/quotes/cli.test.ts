// Quotes through the built CLI: `extract --json` carries them, `export --format quotes` writes
// the CSV, and `eval --quotes-gold` scores the committed gold. Texts are invented.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, ROOT, buildCli } from '../cliFixture';
import { openFolderIndex } from '../../../src/cli/nodeWorkspace';
import { parseCsv } from '../../../src/core/index/export/csv';

const run = (args: string[]): { code: number; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000, cwd: ROOT });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};

describe('quotes: CLI extract, export and eval', function () {
  this.timeout(180_000);
  let dir = '';
  before(() => {
    buildCli();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-quotes-'));
    fs.writeFileSync(path.join(dir, 'port.txt'), 'Port talks\n\nThe dockers walked out on Monday.\n"Nobody wants a strike, but we have no choice," said Tomas Berg.\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('extract --json includes the quotes with their speakers', () => {
    const r = run(['extract', '--json', path.join(dir, 'port.txt')]);
    assert.equal(r.code, 0, r.stderr);
    const [q] = JSON.parse(r.stdout.trim()).quotes;
    assert.equal(q.text, '"Nobody wants a strike, but we have no choice,"');
    assert.equal(q.speaker, 'person:tomas-berg');
  });

  it('export --format quotes writes speaker, quote, document, line and kind', () => {
    const r = run(['export', dir, '--format', 'quotes']);
    assert.equal(r.code, 0, r.stderr);
    const [head, row] = parseCsv(r.stdout);
    assert.deepEqual(head.slice(0, 6), ['speaker', 'speaker_id', 'quote', 'document', 'line', 'kind']);
    assert.deepEqual(row.slice(0, 6), ['Tomas Berg', 'person:tomas-berg', '"Nobody wants a strike, but we have no choice,"', 'port.txt', '4', 'direct']);
  });

  it('export applies the corrections in .dossier/annotations.json (Change Speaker, Not a Quote)', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-quotes-fix-'));
    try {
      fs.writeFileSync(path.join(folder, 'port.txt'), 'Port talks\n\nMaria Lindqvist met the dockers.\n"Nobody wants a strike," said Tomas Berg.\n\nBerg warned that the port would close.\n');
      const { index } = await openFolderIndex(folder);
      await index.scan();
      const text = index.getText('port.txt') ?? '';
      const at = (words: string) => ({ path: 'port.txt', start: text.indexOf(words), end: text.indexOf(words) + words.length });
      await index.annotate({ kind: 'speaker', ...at('strike'), speaker: 'person:maria-lindqvist' });
      await index.annotate({ kind: 'notQuote', ...at('the port would close') });
      await index.flush();
      index.dispose();
      const r = run(['export', folder, '--format', 'quotes']);
      assert.equal(r.code, 0, r.stderr);
      const [, ...rows] = parseCsv(r.stdout);
      assert.deepEqual(rows.map((row) => row.slice(0, 3)), [['Maria Lindqvist', 'person:maria-lindqvist', '"Nobody wants a strike,"']]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('the JSON-LD export carries each quote as a Web Annotation linking its speaker', () => {
    const r = run(['export', dir, '--format', 'jsonld']);
    assert.equal(r.code, 0, r.stderr);
    const items = JSON.parse(r.stdout).first.items as { id: string; body: { value?: string; source?: string }[]; target: { selector: { exact?: string }[] } }[];
    const quotes = items.filter((i) => i.id.startsWith('urn:dossier:quote:'));
    assert.equal(quotes.length, 1);
    assert.deepEqual(quotes[0].body.map((b) => b.value ?? b.source), ['quote:direct', 'urn:dossier:entity:person:tomas-berg']);
    assert.equal(quotes[0].target.selector[0].exact, '"Nobody wants a strike, but we have no choice,"');
  });

  it('eval --quotes-gold reports quote P/R/F1 and speaker accuracy', () => {
    const r = run(['eval', 'test/fixtures/quotes', '--quotes-gold', 'test/fixtures/quotes', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const q = JSON.parse(r.stdout).quotes;
    assert.equal(q.documents, 5);
    assert.ok(q.f1 >= 0.9 && q.speakerAccuracy >= 0.85, JSON.stringify(q));
  });
});
