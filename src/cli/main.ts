// The `dossier` command line. Start-up matters: the engine takes ~0.4 s to load, so the version
// is answered before anything else is loaded, and the program (which pulls in the engine) is a
// separate file of the bundle (dist/cli-program.js), loaded only when a command is run.
const VERSION = process.env.DOSSIER_VERSION ?? '0.1.0';
const args = process.argv.slice(2);

if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./program');
}
