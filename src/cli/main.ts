// The `dossier` command line. `--version` and `--help`-free start-up matter: the engine takes
// ~0.4 s to load, so the version is answered before anything else is loaded, and the
// commands (which pull in the engine) are imported only when one is run.
const VERSION = process.env.DOSSIER_VERSION ?? '0.1.0';
const args = process.argv.slice(2);

if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  void import('./program');
}
