// `dossier extract` and `dossier eval` end to end through the built CLI: output shapes and
// exit codes (0 ok, 1 unreadable input, 2 usage error).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, buildCli } from '../cliFixture';


function dossier(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000, input });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('engine: dossier extract / eval CLI', function () {
  this.timeout(180_000);
  let dir = '';

  before(() => {
    buildCli();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-extract-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Officials in Vienna met Maria Lindqvist on Friday.\n');
    fs.writeFileSync(path.join(dir, 'b.md'), '---\ndate: 2021-03-04\n---\n# Talks in **Oslo**\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--json prints one analysis line per input, with the path as given', () => {
    const r = dossier(['extract', '--json', '--date', '2020-05-05', path.join(dir, 'a.txt'), path.join(dir, 'b.md')]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 2);
    assert.equal(lines[0].document, path.join(dir, 'a.txt'));
    assert.equal(lines[0].documentDate, '2020-05-05');
    assert.deepEqual(lines[0].mentions.map((m: { text: string }) => m.text), ['Vienna', 'Maria Lindqvist', 'Friday']);
    assert.equal(lines[1].documentDateSource, 'frontmatter');
    assert.deepEqual(lines[1].mentions.map((m: { text: string }) => m.text), ['Oslo']);
  });

  it('reads standard input for "-" and prints a table', () => {
    const r = dossier(['extract', '-'], 'Delegates flew to Nairobi.');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /PLACE\s+Nairobi/);
  });

  const failures: [string, string[], number, RegExp][] = [
    ['an unreadable file exits 1 and still processes the others', ['extract', '--json', 'no-such-file.txt', 'A'], 1, /cannot read no-such-file\.txt/],
    ['a bad --date is a usage error', ['extract', '--date', '2020-02-30', 'A'], 2, /--date/],
    ['no files is a usage error', ['extract'], 2, /at least one FILE/],
    ['eval on a folder without gold files is a usage error', ['eval', 'DIR'], 2, /no NAME\.txt/],
  ];
  for (const [name, args, code, message] of failures) {
    it(name, () => {
      const r = dossier(args.map((a) => (a === 'A' ? path.join(dir, 'a.txt') : a === 'DIR' ? dir : a)));
      assert.equal(r.code, code, r.stderr);
      assert.match(r.stderr, message);
      if (code === 1) assert.equal(r.stdout.trim().split('\n').length, 1);
    });
  }

  it('eval scores a gold file and prints ours next to raw compromise', () => {
    const text = 'Officials in Vienna met Maria Lindqvist on Friday.\n';
    const gold = {
      documentDate: '2020-05-05',
      entities: [
        { id: 'p', type: 'PLACE', canonical: 'Vienna', aliases: [] },
        { id: 'h', type: 'PERSON', canonical: 'Maria Lindqvist', aliases: [] },
        { id: 'd', type: 'DATE', canonical: 'May 1, 2020', aliases: [], value: '2020-05-01' },
      ],
      mentions: [
        { start: 13, end: 19, text: 'Vienna', type: 'PLACE', entity: 'p' },
        { start: 24, end: 39, text: 'Maria Lindqvist', type: 'PERSON', entity: 'h' },
        { start: 43, end: 49, text: 'Friday', type: 'DATE', entity: 'd' },
      ],
    };
    const evalDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-eval-'));
    fs.writeFileSync(path.join(evalDir, 'one.txt'), text);
    fs.writeFileSync(path.join(evalDir, 'one.gold.json'), JSON.stringify(gold));
    const r = dossier(['eval', evalDir]);
    const j = dossier(['eval', '--json', evalDir]);
    fs.rmSync(evalDir, { recursive: true, force: true });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /micro F1: ours strict 1\.00 overlap 1\.00 \| compromise strict/);
    const summary = JSON.parse(j.stdout);
    assert.equal(summary.ours.strict.f1, 1);
    assert.equal(summary.ours.dateValueAccuracy, 1);
    assert.ok(typeof summary.compromise.strict.f1 === 'number');
    assert.match(r.stdout, /Corrections simulation \(dev split[^\n]*\): not run/, 'one line of one document: nothing to split');
  });

  it('eval prints the corrections simulation by default, labelled with its split; --no-simulate-corrections skips it', () => {
    const evalDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-eval-'));
    const text = 'Officials in Vienna met Maria Lindqvist.\n';
    for (const n of ['a', 'b']) {
      fs.writeFileSync(path.join(evalDir, `${n}.txt`), text);
      const mentions = [
        { start: 13, end: 19, text: 'Vienna', type: 'PLACE', entity: 'p' },
        { start: 24, end: 39, text: 'Maria Lindqvist', type: 'PERSON', entity: 'h' },
      ];
      fs.writeFileSync(path.join(evalDir, `${n}.gold.json`), JSON.stringify({ entities: [], mentions }));
    }
    const r = dossier(['eval', evalDir]);
    const j = dossier(['eval', '--json', evalDir]);
    const off = dossier(['eval', '--no-simulate-corrections', '--json', evalDir]);
    fs.rmSync(evalDir, { recursive: true, force: true });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Corrections simulation \(dev split: the first half of each topic by file name is corrected[^\n]*\n {2}1 documents corrected, 1 scored; strict micro-F1 on the unseen half 1\.000 before -> 1\.000 after/);
    const sim = JSON.parse(j.stdout).simulation;
    assert.deepEqual([sim.corrected, sim.scored, sim.before.strict, sim.after.strict], [1, 1, 1, 1]);
    assert.equal(JSON.parse(off.stdout).simulation, undefined);
  });
});
