// Bundles the extension into dist/extension.js (vscode-languageclient included, so the .vsix
// carries no node_modules), or the unit tests into out/test/unit/ (--tests).
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

const options = tests
  ? {
      entryPoints: readdirSync('test/unit')
        .filter((f) => f.endsWith('.test.ts'))
        .map((f) => `test/unit/${f}`),
      outdir: 'out/test/unit',
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      // The unit-tested modules must not need VS Code: loading 'vscode' fails the test.
      external: ['vscode'],
      logLevel: 'warning',
    }
  : {
      entryPoints: ['src/extension.ts'],
      outfile: 'dist/extension.js',
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      minify: production,
      sourcemap: !production,
      sourcesContent: false,
      logLevel: 'warning',
    };

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
  console.log('esbuild: watching…');
} else {
  await esbuild.build(options);
}
