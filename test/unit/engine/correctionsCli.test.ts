// The corrections loop through the built CLI: `dossier extract --workspace` and `dossier index`
// analyse with the tagger adapted to the workspace's annotations, and the simulation's JSON.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeTarget } from '../../../src/core/index/anchoring';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SEEN = 'The contract went to Marlow Aerospace, and Marlow Aerospace will build the jets.\n';
const UNSEEN = 'The contract went to Pennick Aerospace last year.\n';

function dossier(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('engine: the corrections loop in the CLI', function () {
  this.timeout(180_000);
  let ws = '';
  const typeOf = (out: string): string => JSON.parse(out.trim()).mentions.find((m: { text: string }) => m.text === 'Pennick Aerospace')?.type;

  before(() => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--cli-only'], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-corrections-'));
    fs.writeFileSync(path.join(ws, 'seen.txt'), SEEN);
    fs.writeFileSync(path.join(ws, 'unseen.txt'), UNSEEN);
    const start = SEEN.indexOf('Marlow Aerospace');
    const relabel = { id: 'urn:uuid:6f1d2c3e-0000-4000-a000-000000000001', kind: 'relabel', author: 'Tester', created: '2026-12-01T00:00:00.000Z', target: makeTarget('seen.txt', SEEN, start, start + 16), body: { type: 'ORG', entity: 'org:marlow-aerospace' } };
    fs.mkdirSync(path.join(ws, '.dossier'));
    fs.writeFileSync(path.join(ws, '.dossier/annotations.json'), JSON.stringify({ schemaVersion: 1, annotations: [relabel] }));
  });
  after(() => fs.rmSync(ws, { recursive: true, force: true }));

  it('extract --workspace types an unseen similar name as the corrections taught', () => {
    const plain = dossier(['extract', '--json', path.join(ws, 'unseen.txt')]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.notEqual(typeOf(plain.stdout), 'ORG', 'precondition: the shipped engine mistypes it');
    const taught = dossier(['extract', '--json', '--workspace', ws, path.join(ws, 'unseen.txt')]);
    assert.equal(taught.code, 0, taught.stderr);
    assert.equal(typeOf(taught.stdout), 'ORG');
  });

  it('index records the retyped name and caches the adapted tagger under .dossier/cache/corrections/', () => {
    const r = dossier(['index', ws]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(fs.readdirSync(path.join(ws, '.dossier/cache/corrections')).filter((n) => n.endsWith('.json')).length, 1);
    const entities = JSON.parse(fs.readFileSync(path.join(ws, '.dossier/entities.json'), 'utf8')).entities as { canonical: string; type: string }[];
    assert.deepEqual(entities.filter((e) => e.canonical === 'Pennick Aerospace').map((e) => e.type), ['ORG']);
  });

  it('extract --workspace on a missing folder says so and exits 2', () => {
    const r = dossier(['extract', '--workspace', path.join(ws, 'nope'), path.join(ws, 'unseen.txt')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot open the workspace .*nope/);
  });
});
