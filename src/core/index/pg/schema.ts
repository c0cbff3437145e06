// The team index schema, as numbered migrations. The client applies the missing ones at connect
// time, all in one transaction under an advisory lock, so two clients starting together neither
// race nor leave a half-migrated database. Every row carries its project, which row-level
// security uses to keep projects apart (see MIGRATIONS[1]).
import type { Pool, PoolClient } from 'pg';

/** Truth columns are `json` (an exact copy of the text, so even "\u0000" round-trips); the
 * plain-text columns beside them are searchable copies with NUL replaced by U+FFFD. */
export const MIGRATIONS: readonly string[] = [
  `CREATE EXTENSION IF NOT EXISTS pg_trgm;
   CREATE EXTENSION IF NOT EXISTS unaccent;
   -- unaccent() is only STABLE (its dictionary could change); indexes need an IMMUTABLE wrapper.
   CREATE FUNCTION dossier_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
     AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
   CREATE TABLE dossier_documents (
     project text NOT NULL, path text NOT NULL, hash text NOT NULL, kind text NOT NULL,
     document_date text, mtime bigint NOT NULL, size bigint NOT NULL,
     text text NOT NULL, raw json, mentions_digest text NOT NULL, updated timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (project, path));
   CREATE TABLE dossier_analyses (
     project text NOT NULL, key text NOT NULL, analysis json NOT NULL,
     created timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (project, key));
   CREATE TABLE dossier_mentions (
     project text NOT NULL, path text NOT NULL, start integer NOT NULL, "end" integer NOT NULL,
     text text NOT NULL, type text NOT NULL, entity text NOT NULL, provenance text NOT NULL,
     PRIMARY KEY (project, path, start),
     FOREIGN KEY (project, path) REFERENCES dossier_documents ON DELETE CASCADE);
   CREATE INDEX dossier_mentions_entity ON dossier_mentions (project, entity);
   CREATE TABLE dossier_entities (
     project text NOT NULL, id text NOT NULL, type text NOT NULL, canonical text NOT NULL,
     aliases text[] NOT NULL, notes json NOT NULL, record json NOT NULL, digest text NOT NULL,
     PRIMARY KEY (project, id));
   CREATE TABLE dossier_entity_names (
     project text NOT NULL, entity text NOT NULL, name text NOT NULL,
     PRIMARY KEY (project, entity, name),
     FOREIGN KEY (project, entity) REFERENCES dossier_entities ON DELETE CASCADE);
   CREATE INDEX dossier_entity_names_trgm ON dossier_entity_names USING gin (dossier_fold(name) gin_trgm_ops);
   CREATE TABLE dossier_annotations (
     project text NOT NULL, id text NOT NULL, kind text NOT NULL, author text NOT NULL CHECK (author <> ''),
     created text NOT NULL, source text, annotation json NOT NULL,
     PRIMARY KEY (project, id));
   -- Quotes: the TextQuoteSelector of every anchored annotation, for SQL over what was marked.
   CREATE TABLE dossier_quotes (
     project text NOT NULL, annotation text NOT NULL, source text NOT NULL,
     exact text NOT NULL, prefix text NOT NULL, suffix text NOT NULL, start integer, "end" integer,
     PRIMARY KEY (project, annotation),
     FOREIGN KEY (project, annotation) REFERENCES dossier_annotations ON DELETE CASCADE);
   -- Every change to an annotation, in commit order: the audit trail, and what replays the set.
   CREATE TABLE dossier_annotation_log (
     seq bigserial PRIMARY KEY, project text NOT NULL, op text NOT NULL CHECK (op IN ('put', 'delete')),
     id text NOT NULL, annotation json, at timestamptz NOT NULL DEFAULT now(), by_role text NOT NULL DEFAULT current_user);`,
  // The work queue of `dossier index --workers`: one job per analysis cache key (content hash,
  // engine version, lexicon), claimed FOR UPDATE SKIP LOCKED until claimed_until; runs counts
  // the engine runs that completed, which must end at exactly 1.
  `CREATE TABLE dossier_queue (
     project text NOT NULL, key text NOT NULL, path text NOT NULL,
     claimed_by text, claimed_until timestamptz, done boolean NOT NULL DEFAULT false,
     runs integer NOT NULL DEFAULT 0, analysed_by text, finished timestamptz,
     PRIMARY KEY (project, key));
   CREATE INDEX dossier_queue_todo ON dossier_queue (project, key) WHERE NOT done;`,
  // Access control with PostgreSQL's own means: two group roles (cluster-wide, so created once),
  // project membership in dossier_members, and row-level security on every table. The owner
  // (who migrates and administers) bypasses it; dossier_add_member() creates a researcher.
  `DO $$ BEGIN
     IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dossier_researcher') THEN CREATE ROLE dossier_researcher NOLOGIN; END IF;
     IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dossier_reader') THEN CREATE ROLE dossier_reader NOLOGIN; END IF;
   END $$;
   CREATE TABLE dossier_members (project text NOT NULL, role name NOT NULL, can_write boolean NOT NULL, PRIMARY KEY (project, role));
   CREATE FUNCTION dossier_can(p text, writing boolean) RETURNS boolean LANGUAGE sql STABLE AS $$
     SELECT EXISTS (SELECT 1 FROM dossier_members m WHERE m.project = p AND (m.can_write OR NOT writing)
                    AND (m.role = current_user OR pg_has_role(current_user, m.role, 'MEMBER'))) $$;
   DO $$ DECLARE t text; BEGIN
     FOREACH t IN ARRAY ARRAY['dossier_documents', 'dossier_analyses', 'dossier_mentions', 'dossier_entities', 'dossier_entity_names',
                              'dossier_annotations', 'dossier_quotes', 'dossier_annotation_log', 'dossier_queue'] LOOP
       EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
       EXECUTE format('CREATE POLICY dossier_read ON %I FOR SELECT USING (dossier_can(project, false))', t);
       EXECUTE format('CREATE POLICY dossier_insert ON %I FOR INSERT WITH CHECK (dossier_can(project, true))', t);
       EXECUTE format('CREATE POLICY dossier_update ON %I FOR UPDATE USING (dossier_can(project, true)) WITH CHECK (dossier_can(project, true))', t);
       EXECUTE format('CREATE POLICY dossier_delete ON %I FOR DELETE USING (dossier_can(project, true))', t);
       EXECUTE format('GRANT SELECT ON %I TO dossier_reader, dossier_researcher', t);
       EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %I TO dossier_researcher', t);
     END LOOP;
   END $$;
   GRANT SELECT ON dossier_schema, dossier_members TO dossier_reader, dossier_researcher;
   GRANT USAGE ON SEQUENCE dossier_annotation_log_seq_seq TO dossier_researcher;
   CREATE FUNCTION dossier_add_member(who text, p text, can_write boolean) RETURNS void LANGUAGE plpgsql AS $$
   BEGIN
     IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who) THEN EXECUTE format('CREATE ROLE %I LOGIN', who); END IF;
     EXECUTE format('GRANT %I TO %I', CASE WHEN can_write THEN 'dossier_researcher' ELSE 'dossier_reader' END, who);
     INSERT INTO dossier_members (project, role, can_write) VALUES (p, who, can_write)
       ON CONFLICT (project, role) DO UPDATE SET can_write = excluded.can_write;
   END $$;
   REVOKE EXECUTE ON FUNCTION dossier_add_member(text, text, boolean) FROM PUBLIC;`,
  // Live collaboration: every committed change to annotations, the registry or the documents
  // tells the listeners (LISTEN dossier_changes) which project and table changed. Identical
  // payloads within one transaction are delivered once, so a 500-row write is one notification.
  `CREATE FUNCTION dossier_notify() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     PERFORM pg_notify('dossier_changes', json_build_object('project', CASE WHEN TG_OP = 'DELETE' THEN OLD.project ELSE NEW.project END, 'table', TG_TABLE_NAME)::text);
     RETURN NULL;
   END $$;
   CREATE TRIGGER dossier_notify AFTER INSERT OR UPDATE OR DELETE ON dossier_annotations FOR EACH ROW EXECUTE FUNCTION dossier_notify();
   CREATE TRIGGER dossier_notify AFTER INSERT OR UPDATE OR DELETE ON dossier_entities FOR EACH ROW EXECUTE FUNCTION dossier_notify();
   CREATE TRIGGER dossier_notify AFTER INSERT OR UPDATE OR DELETE ON dossier_documents FOR EACH ROW EXECUTE FUNCTION dossier_notify();`,
  // Server search (pg/search.ts): GiST beside the GIN index for word_similarity and nearest-name order.
  `CREATE INDEX dossier_entity_names_gist ON dossier_entity_names USING gist (dossier_fold(name) gist_trgm_ops);`,
  // Server search, faster (session 5): the folded name stored (no unaccent() per row at query
  // time) under a trigram GIN index and a prefix btree, and the live counts each entity is
  // ranked by (mentions, documents; rejected mentions excluded, as in the local registry),
  // kept by syncDocuments() in the same transaction as the mentions.
  `-- As the local search folds (model.ts foldKey): unaccented, lower case, white space collapsed.
   ALTER TABLE dossier_entity_names ADD COLUMN folded text
     GENERATED ALWAYS AS (btrim(regexp_replace(dossier_fold(name), '[[:space:]]+', ' ', 'g'))) STORED;
   DROP INDEX dossier_entity_names_trgm;
   DROP INDEX dossier_entity_names_gist;
   CREATE INDEX dossier_entity_names_folded_trgm ON dossier_entity_names USING gin (folded gin_trgm_ops);
   CREATE INDEX dossier_entity_names_folded_prefix ON dossier_entity_names (project, folded text_pattern_ops);
   CREATE TABLE dossier_entity_counts (
     project text NOT NULL, entity text NOT NULL, mentions integer NOT NULL, documents integer NOT NULL,
     PRIMARY KEY (project, entity));
   CREATE INDEX dossier_entity_counts_rank ON dossier_entity_counts (project, mentions DESC);
   INSERT INTO dossier_entity_counts (project, entity, mentions, documents)
     SELECT project, entity, count(*), count(DISTINCT path) FROM dossier_mentions WHERE provenance <> 'rejected' GROUP BY project, entity;
   ALTER TABLE dossier_entity_counts ENABLE ROW LEVEL SECURITY;
   CREATE POLICY dossier_read ON dossier_entity_counts FOR SELECT USING (dossier_can(project, false));
   CREATE POLICY dossier_insert ON dossier_entity_counts FOR INSERT WITH CHECK (dossier_can(project, true));
   CREATE POLICY dossier_update ON dossier_entity_counts FOR UPDATE USING (dossier_can(project, true)) WITH CHECK (dossier_can(project, true));
   CREATE POLICY dossier_delete ON dossier_entity_counts FOR DELETE USING (dossier_can(project, true));
   GRANT SELECT ON dossier_entity_counts TO dossier_reader, dossier_researcher;
   GRANT INSERT, UPDATE, DELETE ON dossier_entity_counts TO dossier_researcher;`,
];

const LOCK = 0x646f7373; // "doss": one advisory lock id for migrations

/** Applies missing migrations in one transaction; returns the schema version now in the database. */
export async function migrate(pool: Pool): Promise<number> {
  // Up to date: no DDL, no lock, so roles without CREATE rights (researchers, readers) connect too.
  const exists = await pool.query<{ t: string | null }>("SELECT to_regclass('dossier_schema')::text AS t");
  const seen = exists.rows[0]?.t ? ((await pool.query<{ v: number | null }>('SELECT max(version) AS v FROM dossier_schema')).rows[0]?.v ?? 0) : 0;
  if (seen > MIGRATIONS.length) throw newer(seen);
  if (seen === MIGRATIONS.length) return seen;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS dossier_schema (version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())');
    const current = await schemaVersion(client);
    if (current > MIGRATIONS.length) {
      await client.query('ROLLBACK');
      throw newer(current);
    }
    for (let v = current + 1; v <= MIGRATIONS.length; v++) {
      await client.query(MIGRATIONS[v - 1]);
      await client.query('INSERT INTO dossier_schema (version) VALUES ($1)', [v]);
    }
    await client.query('COMMIT');
    return MIGRATIONS.length;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

const newer = (v: number) => new Error(`The team index has schema ${v}, newer than this Dossier understands (${MIGRATIONS.length}); update Dossier.`);

async function schemaVersion(client: PoolClient): Promise<number> {
  const r = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM dossier_schema');
  return r.rows[0].v ?? 0;
}
