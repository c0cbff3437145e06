// The `dossier` CLI end to end on a temp copy of samples/: index, index again (nothing
// re-analysed), search, export, import, and the exit codes.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, buildCli, scratchFolder } from '../cliFixture';
import { parseCsv } from '../../../src/core/index/export/csv';


function dossier(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('index: dossier CLI on samples/', function () {
  this.timeout(180_000);
  let dir = '';

  before(() => {
    buildCli();
    dir = scratchFolder('dossier-cli-');
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('indexes the samples, then a second run re-analyses nothing and says so', () => {
    const first = dossier('index', dir);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Indexed 4 documents/);
    assert.match(first.stdout, /Analysed 4, 0 from the cache/);
    assert.match(first.stdout, /Entities: \d+ \(\d+ people, \d+ organisations, \d+ places, \d+ dates\)/);
    assert.ok(fs.existsSync(path.join(dir, '.dossier/entities.json')));
    assert.match(fs.readFileSync(path.join(dir, '.dossier/.gitignore'), 'utf8'), /cache\//);
    const second = dossier('index', dir, '--json');
    assert.equal(second.code, 0, second.stderr);
    const summary = JSON.parse(second.stdout);
    assert.deepEqual([summary.documents, summary.analysed, summary.fromCache], [4, 0, 4]);
    assert.match(dossier('index', dir).stdout, /Re-analysed 0 documents: nothing changed since the last run/);
  });

  it('searches accent- and case-insensitively, with a type filter and JSON output', () => {
    const text = dossier('search', 'rotterdam', '--dir', dir);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^PLACE +Rotterdam/m);
    assert.match(text.stdout, /harbour-strike\.txt:\d+: /);
    const json = JSON.parse(dossier('search', 'GENEVE', '--type', 'place', '--json', '--dir', dir).stdout);
    assert.equal(json[0]?.canonical, 'Geneva');
    assert.ok(json.every((r: { type: string }) => r.type === 'PLACE'));
    assert.match(dossier('search', 'qqqqxz', '--dir', dir).stdout, /No entity matches "qqqqxz"/);
  });

  it('exports every format, and the jsonld export imports back', () => {
    for (const format of ['csv', 'mentions', 'timeline']) {
      const r = dossier('export', dir, '--format', format);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(parseCsv(r.stdout).length > 2, format);
    }
    const geo = JSON.parse(dossier('export', dir, '--format', 'geojson').stdout);
    assert.ok(geo.features.length > 0 && geo.features.every((f: { geometry: { type: string } }) => f.geometry.type === 'Point'));
    const out = path.join(dir, 'export.jsonld');
    assert.equal(dossier('export', dir, '--format', 'jsonld', '-o', out).code, 0);
    const imported = dossier('import', out, '--dir', dir);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /Imported 0 annotations .* exported mentions skipped/);
  });

  it('exits 2 on usage errors and 1 on runtime errors, with a message', () => {
    const cases: [string[], number, RegExp][] = [
      [['search'], 2, /missing required argument/],
      [['search', 'x', '--type', 'animal', '--dir', dir], 2, /unknown type "animal"/],
      [['export', dir, '--format', 'pdf'], 2, /Allowed choices are csv, mentions, jsonld, geojson, timeline/],
      [['index', path.join(dir, 'nope')], 1, /is not a folder/],
      [['import', path.join(dir, 'rail-inquiry.txt'), '--dir', dir], 1, /cannot read .*rail-inquiry\.txt/],
    ];
    for (const [args, code, message] of cases) {
      const r = dossier(...args);
      assert.equal(r.code, code, args.join(' '));
      assert.match(r.stderr, message);
    }
  });
});
