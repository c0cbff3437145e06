// .dossier/ persistence: stable files, atomic writes, damaged and newer files, concurrent writers.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeWorkspace } from '../../../src/cli/nodeWorkspace';
import { MemoryWorkspace, openTestIndex } from './fakes';

const DOCS = { 'a.txt': 'Marieke de Vries spoke in Rotterdam on Monday for the FNV.\n', 'b.txt': 'Andrew Hall of Network Rail, in Leeds.\n' };

async function annotatedWorkspace(): Promise<MemoryWorkspace> {
  const { index, workspace } = await openTestIndex(DOCS);
  await index.annotate({ kind: 'confirm', path: 'a.txt', start: 0, end: 16 });
  await index.annotate({ kind: 'note', entity: 'place:leeds', note: 'Derailment site.' });
  await index.flush();
  index.dispose();
  return workspace;
}

const temps: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-store-'));
  temps.push(dir);
  return dir;
}

describe('index: .dossier/ persistence', () => {
  after(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('writes sorted, pretty, stable JSON, a .gitignore for the cache, and rewrites nothing when unchanged', async () => {
    const ws = await annotatedWorkspace();
    const entities = ws.files.get('.dossier/entities.json')?.data ?? '';
    const parsed = JSON.parse(entities);
    assert.equal(parsed.schemaVersion, 1);
    assert.deepEqual(parsed.entities.map((e: { id: string }) => e.id), [...parsed.entities.map((e: { id: string }) => e.id)].sort());
    assert.match(entities, /^\{\n {2}"entities": \[\n/);
    assert.equal(JSON.parse(ws.files.get('.dossier/annotations.json')?.data ?? '').annotations.length, 2);
    assert.match(ws.files.get('.dossier/.gitignore')?.data ?? '', /^cache\/$/m);
    const writes = ws.writes;
    const { index } = await openTestIndex({}, { workspace: ws });
    await index.flush();
    assert.equal(ws.files.get('.dossier/entities.json')?.data, entities, 'same bytes on a second run');
    assert.equal(ws.writes, writes, 'nothing rewritten');
    index.dispose();
  });

  const damaged: { name: string; damage: (s: string) => string }[] = [
    { name: 'truncated', damage: (s) => s.slice(0, Math.floor(s.length / 2)) },
    { name: 'garbage', damage: () => '\u0000\u0001 not json' },
    { name: 'a git conflict', damage: (s) => `<<<<<<< HEAD\n${s}=======\n${s}>>>>>>> theirs\n` },
  ];
  for (const d of damaged) {
    it(`a ${d.name} entities.json is kept as .bak and rebuilt, and the user is told`, async () => {
      const ws = await annotatedWorkspace();
      const original = ws.files.get('.dossier/entities.json')?.data ?? '';
      ws.files.set('.dossier/entities.json', { data: d.damage(original), mtime: 2 });
      const { index } = await openTestIndex({}, { workspace: ws });
      await index.flush();
      assert.equal(ws.files.get('.dossier/entities.json.bak')?.data, d.damage(original));
      // Everything but the timestamps of a destroyed registry is rebuilt from documents + annotations.
      const withoutTimes = (s: string) => s.replace(/"(created|updated)": "[^"]*"/g, '');
      assert.equal(withoutTimes(ws.files.get('.dossier/entities.json')?.data ?? ''), withoutTimes(original));
      assert.ok(index.diagnostics().some((x) => x.code === 'corrupt-file' && /entities\.json\.bak/.test(x.message)));
      assert.equal(index.getEntity('place:leeds')?.notes[0]?.text, 'Derailment site.');
      index.dispose();
    });

    it(`a ${d.name} annotations.json is kept as .bak, every complete annotation is recovered`, async () => {
      const ws = await annotatedWorkspace();
      const original = ws.files.get('.dossier/annotations.json')?.data ?? '';
      ws.files.set('.dossier/annotations.json', { data: d.damage(original), mtime: 2 });
      const { index } = await openTestIndex({}, { workspace: ws });
      const recovered = d.name === 'garbage' ? 0 : d.name === 'truncated' ? index.annotations().length : 2;
      assert.equal(index.annotations().length, recovered);
      const diag = index.diagnostics().find((x) => x.code === 'corrupt-file');
      assert.match(diag?.message ?? '', new RegExp(`kept as .dossier/annotations.json.bak; recovered ${recovered} annotations`));
      assert.equal(ws.files.get('.dossier/annotations.json.bak')?.data, d.damage(original), 'the damaged file is kept for the user');
      index.dispose();
    });
  }

  it('keeps entries it cannot read, and opens a newer schema read-only without writing', async () => {
    const ws = await annotatedWorkspace();
    const file = JSON.parse(ws.files.get('.dossier/annotations.json')?.data ?? '');
    file.annotations.push({ id: 'x', kind: 'from-the-future' });
    ws.files.set('.dossier/annotations.json', { data: JSON.stringify(file), mtime: 3 });
    const first = await openTestIndex({}, { workspace: ws });
    await first.index.annotate({ kind: 'note', entity: 'place:leeds', note: 'More.' });
    await first.index.flush();
    assert.deepEqual(JSON.parse(ws.files.get('.dossier/annotations.json')?.data ?? '').unreadable, [{ id: 'x', kind: 'from-the-future' }]);
    first.index.dispose();

    ws.files.set('.dossier/entities.json', { data: JSON.stringify({ schemaVersion: 99, entities: [] }), mtime: 4 });
    const writes = ws.writes;
    const second = await openTestIndex({}, { workspace: ws });
    assert.equal(second.index.readOnly, true);
    assert.match(second.index.readOnlyReason ?? '', /newer version of Dossier \(schema 99\)/);
    await assert.rejects(second.index.annotate({ kind: 'note', entity: 'place:leeds', note: 'x' }), /read-only/);
    await second.index.flush();
    assert.equal(ws.writes, writes, 'a read-only index writes nothing');
    assert.equal(second.index.annotations().length, 3, 'annotations are still shown');
    second.index.dispose();
  });

  // (Each test index has its own clock, so the notes are compared as sets.)
  it('reload() picks up another window\'s annotations (git pull), and a write merges instead of overwriting', async () => {
    const ws = await annotatedWorkspace();
    const one = (await openTestIndex({}, { workspace: ws })).index;
    const two = (await openTestIndex({}, { workspace: ws })).index;
    await one.annotate({ kind: 'note', entity: 'place:leeds', note: 'From window one.' });
    await one.flush();
    await two.annotate({ kind: 'note', entity: 'place:leeds', note: 'From window two.' });
    await two.flush();
    assert.deepEqual(two.getEntity('place:leeds')?.notes.map((n) => n.text).sort(), ['Derailment site.', 'From window one.', 'From window two.']);
    await one.reload();
    assert.deepEqual(one.getEntity('place:leeds')?.notes.map((n) => n.text).sort(), ['Derailment site.', 'From window one.', 'From window two.']);
    assert.equal(JSON.parse(ws.files.get('.dossier/annotations.json')?.data ?? '').annotations.length, 4);
    // An undo in one window is not undone by the other window's next write.
    await one.undo();
    await one.flush();
    await two.annotate({ kind: 'note', entity: 'place:leeds', note: 'Later.' });
    await two.flush();
    const stored = JSON.parse(ws.files.get('.dossier/annotations.json')?.data ?? '').annotations.map((a: { body: { note?: string } }) => a.body.note);
    assert.deepEqual(stored.filter(Boolean).sort(), ['Derailment site.', 'From window two.', 'Later.']);
    one.dispose();
    two.dispose();
  });

  it('writes atomically on disk: complete content, no temp files left', async () => {
    const dir = tempDir();
    const ws = new NodeWorkspace(dir);
    const big = 'x'.repeat(2_000_000);
    await Promise.all([ws.writeFileAtomic('.dossier/f.json', big), ws.writeFileAtomic('.dossier/f.json', 'small')]);
    const content = fs.readFileSync(path.join(dir, '.dossier/f.json'), 'utf8');
    assert.ok(content === big || content === 'small', 'one whole version, never a mix');
    assert.deepEqual(fs.readdirSync(path.join(dir, '.dossier')), ['f.json']);
    assert.equal(await ws.createExclusive('.dossier/lock', '1'), true);
    assert.equal(await ws.createExclusive('.dossier/lock', '2'), false);
    await assert.rejects(ws.readFile('../escape.txt'), /outside the workspace/);
  });

  it('breaks a stale lock left by a crashed process, and says so', async () => {
    const ws = await annotatedWorkspace();
    ws.files.set('.dossier/lock', { data: JSON.stringify({ pid: 1, time: Date.now() - 60_000, token: 'dead' }), mtime: 1 });
    const { index } = await openTestIndex({}, { workspace: ws });
    await index.annotate({ kind: 'note', entity: 'place:leeds', note: 'After the crash.' });
    await index.flush();
    assert.equal(JSON.parse(ws.files.get('.dossier/annotations.json')?.data ?? '').annotations.length, 3);
    assert.ok(index.diagnostics().some((d) => d.code === 'lock-stale'));
    assert.equal(ws.files.has('.dossier/lock'), false);
    index.dispose();
  });

  it('two processes annotating the same folder at the same time lose nothing', async function () {
    this.timeout(60_000);
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'doc.txt'), 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu\n'.repeat(20));
    const out = path.resolve(__dirname, '../../..');
    const script = path.join(dir, 'writer.js');
    fs.writeFileSync(
      script,
      `const { NodeWorkspace } = require(${JSON.stringify(path.join(out, 'src/cli/nodeWorkspace.js'))});
const { openEntityIndex } = require(${JSON.stringify(path.join(out, 'src/core/index/entityIndex.js'))});
(async () => {
  const analyze = () => ({ documentDate: null, documentDateSource: 'none', entities: [], mentions: [], engineVersion: 't' });
  const index = await openEntityIndex(new NodeWorkspace(process.argv[2]), { analyze, engineVersion: 't', author: process.argv[3], writeDelayMs: 0 });
  await index.scan();
  for (let i = 0; i < 25; i++) {
    const start = (i * 67 + (process.argv[3] === 'one' ? 0 : 6)) % 1300;
    await index.annotate({ kind: 'add', path: 'doc.txt', start, end: start + 5, type: 'PERSON' });
    await index.flush();
  }
  index.dispose();
})().catch((e) => { console.error(e); process.exit(1); });
`,
    );
    const run = (who: string) =>
      new Promise<number>((resolve) => spawn(process.execPath, [script, dir, who], { stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 1)));
    assert.deepEqual(await Promise.all([run('one'), run('two')]), [0, 0]);
    const stored = JSON.parse(fs.readFileSync(path.join(dir, '.dossier/annotations.json'), 'utf8')).annotations as { id: string; author: string }[];
    assert.equal(new Set(stored.map((a) => a.id)).size, 50);
    assert.deepEqual(['one', 'two'].map((w) => stored.filter((a) => a.author === w).length), [25, 25]);
    assert.equal(fs.existsSync(path.join(dir, '.dossier/lock')), false);
  });
});
