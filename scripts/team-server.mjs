// `npm run team-server`: a local PostgreSQL for trying the team index, kept in .team-server/
// (git-ignored) across runs. `npm run team-server -- --stop` stops it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCluster, stopCluster } from './pg/cluster.mjs';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.team-server');
if (process.argv.includes('--stop')) {
  stopCluster(dir);
  console.log(`Stopped the team server in ${dir}.`);
} else {
  const { url } = await startCluster({ dir, keep: true });
  console.log(`Team index server running (data in ${dir}).`);
  console.log(`  dossier index DIR --db ${url}`);
  console.log(`  export DOSSIER_DB=${url}`);
  console.log('Stop it with: npm run team-server -- --stop');
}
