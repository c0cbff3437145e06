// The extension host bundle carries no engine: activation loads no engine code on the host
// thread. The engine (compromise, the tagger, the rules) lives only in the worker bundle.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(__dirname, '../../../..');

async function inputs(entry: string, external: string[] = []): Promise<string[]> {
  const result = await esbuild.build({
    entryPoints: [path.join(root, entry)], bundle: true, platform: 'node', format: 'cjs', external, write: false, metafile: true, outfile: 'out.js', logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0];
  return Object.entries(output.inputs).filter(([, v]) => v.bytesInOutput > 0).map(([k]) => k);
}

describe('extension bundle', function () {
  this.timeout(60_000);

  it('the extension host bundle holds no engine code and no compromise', async () => {
    const files = await inputs('src/extension/extension.ts', ['vscode']);
    const engine = files.filter((f) => f.includes('src/core/engine/') && !/engine\/(version|tagger\/modelVersion)\.ts$/.test(f));
    assert.deepEqual(engine, [], 'engine modules in dist/extension.js');
    assert.deepEqual(files.filter((f) => /node_modules\/compromise/.test(f)), [], 'compromise in dist/extension.js');
  });

  it('the worker bundle holds the engine', async () => {
    const files = await inputs('src/extension/worker/analysisWorker.ts');
    assert.ok(files.some((f) => f.endsWith('src/core/engine/index.ts')));
    assert.ok(files.some((f) => /node_modules\/compromise/.test(f)));
  });
});
