// Access control with PostgreSQL's own means: a role per researcher, projects kept apart by
// row-level security, and a reader role that can search but not annotate.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { openServerIndex } from '../../src/cli/teamIndex';
import { cli, corpus, freshDatabase, query } from './db';

describe('team index: roles and row-level security', () => {
  let admin: string;
  let dir: string;
  const role = (name: string) => `t${process.pid}_${name}`;
  const as = (name: string) => {
    const u = new URL(admin);
    u.username = role(name);
    return u.toString();
  };

  before(async () => {
    admin = await freshDatabase();
    dir = corpus();
    for (const project of ['alpha', 'beta']) {
      const r = await cli(['index', dir, '--db', admin], { DOSSIER_PROJECT: project });
      assert.equal(r.code, 0, r.stderr);
    }
    await query(admin, "SELECT dossier_add_member($1, 'alpha', true), dossier_add_member($2, 'alpha', false), dossier_add_member($3, 'beta', true)",
      [role('alice'), role('reader'), role('bob')]);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a researcher searches their project and gets what the administrator gets', async () => {
    const mine = await cli(['search', 'harbour', '--db', as('alice'), '--json'], { DOSSIER_PROJECT: 'alpha' });
    assert.equal(mine.code, 0, mine.stderr);
    const adminView = await cli(['search', 'harbour', '--db', admin, '--json'], { DOSSIER_PROJECT: 'alpha' });
    assert.ok(JSON.parse(mine.stdout).length > 0);
    assert.equal(mine.stdout, adminView.stdout);
  });

  it('one project cannot read or write another\'s rows, even when it names that project', async () => {
    const r = await cli(['search', 'harbour', '--db', as('alice')], { DOSSIER_PROJECT: 'beta' });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /is not a member of the project "beta"/);
    const [seen] = await query<{ n: string }>(as('alice'), "SELECT count(*) AS n FROM dossier_documents WHERE project = 'beta'");
    assert.equal(Number(seen.n), 0, 'beta\'s documents are invisible to alpha');
    const [own] = await query<{ n: string }>(as('alice'), "SELECT count(*) AS n FROM dossier_documents WHERE project = 'alpha'");
    assert.ok(Number(own.n) > 0);
    await assert.rejects(
      query(as('alice'), `INSERT INTO dossier_annotations (project, id, kind, author, created, annotation) VALUES ('beta', 'x', 'note', 'alice', 'now', '{}')`),
      /row-level security/,
    );
    const [untouched] = await query<{ n: string }>(as('bob'), "SELECT count(*) AS n FROM dossier_documents WHERE project = 'alpha'");
    assert.equal(Number(untouched.n), 0, 'and the other way round');
  });

  it('a reader searches but cannot annotate: the index says so, and the database refuses the write', async () => {
    const found = await cli(['search', 'harbour', '--db', as('reader'), '--json'], { DOSSIER_PROJECT: 'alpha' });
    assert.equal(found.code, 0, found.stderr);
    assert.ok(JSON.parse(found.stdout).length > 0);
    const t = await openServerIndex(as('reader'), { project: 'alpha' });
    try {
      await t.index.scan();
      assert.equal(t.index.readOnly, true);
      const e = t.index.entities()[0];
      await assert.rejects(t.index.annotate({ kind: 'note', entity: e.id, note: 'not allowed' }), /read-only access to the team index project "alpha"/);
    } finally {
      await t.close();
    }
    await assert.rejects(
      query(as('reader'), `INSERT INTO dossier_annotations (project, id, kind, author, created, annotation) VALUES ('alpha', 'x', 'note', 'r', 'now', '{}')`),
      /permission denied/,
    );
  });

  it('a researcher\'s annotation is stored with its author, and the log names the database role', async () => {
    const t = await openServerIndex(as('alice'), { project: 'alpha', author: 'Alice Example' });
    try {
      await t.index.scan();
      assert.equal(t.index.readOnly, false);
      const e = t.index.entities()[0];
      const a = await t.index.annotate({ kind: 'note', entity: e.id, note: 'checked against the registry' });
      await t.index.flush();
      const [row] = await query<{ author: string; by: string }>(admin,
        'SELECT a.author, l.by_role AS by FROM dossier_annotations a JOIN dossier_annotation_log l ON l.project = a.project AND l.id = a.id WHERE a.id = $1', [a.id]);
      assert.deepEqual(row, { author: 'Alice Example', by: role('alice') });
    } finally {
      await t.close();
    }
  });
});
