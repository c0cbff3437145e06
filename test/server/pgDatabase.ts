// A new empty database on a test cluster, shared by the server suites (test/server/db.ts) and the
// in-host team suite (test/suite/team.test.ts): both get the cluster's admin URL in $DOSSIER_TEST_DB.
import pg from 'pg';

/** Creates database `name` on the cluster at `admin`; returns its URL. */
export async function createDatabase(admin: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const c = new pg.Client(admin);
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
}
