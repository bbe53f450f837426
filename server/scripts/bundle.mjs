#!/usr/bin/env node
// Bundles the shipped programs with esbuild (tsc -b only type-checks and feeds the tests).
//
//   node server/scripts/bundle.mjs            build every bundle once
//   node server/scripts/bundle.mjs --watch    rebuild on change
//
// Each bundle is self-contained CommonJS for Node 20 (the `yaml` dependency is inlined), not
// minified so stack traces stay readable, with a source map beside it. The built-in lexicons are
// not bundled: they are YAML files that the code finds relative to the bundle (server/lexicon/).
import { chmodSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What to build: entry point, output file, whether it is an executable script. */
const BUNDLES = [
  { entry: 'server/src/cli/main.ts', outfile: 'dist/cli.js', executable: true },
  // The language server VS Code starts over IPC; `communique lsp --stdio` runs the same code.
  { entry: 'server/src/server.ts', outfile: 'dist/server.js', executable: false },
  // The VS Code extension: a thin client that starts dist/server.js.
  { entry: 'client/src/extension.ts', outfile: 'dist/extension.js', executable: false },
].filter((b) => existsSync(join(root, b.entry)));

const watch = process.argv.includes('--watch');

for (const bundle of BUNDLES) {
  const outfile = join(root, bundle.outfile);
  const options = {
    absWorkingDir: root,
    entryPoints: [join(root, bundle.entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: false,
    sourcemap: true,
    // `vscode` only exists inside the editor's extension host; it is never bundled.
    external: ['vscode'],
    banner: bundle.executable ? { js: '#!/usr/bin/env node' } : undefined,
    logLevel: 'warning',
    plugins: [reportSize(bundle, outfile)],
  };
  if (watch) {
    const context = await esbuild.context(options);
    await context.watch();
  } else {
    await esbuild.build(options);
  }
}
if (watch) console.log('watching for changes (Ctrl+C to stop)');

/** Prints the size of a bundle after every successful build and makes executables runnable. */
function reportSize(bundle, outfile) {
  return {
    name: 'report-size',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length > 0) return;
        // npx runs the `bin` file directly: it needs its shebang (the banner) and the x bit.
        if (bundle.executable) chmodSync(outfile, 0o755);
        const kib = (statSync(outfile).size / 1024).toFixed(1);
        console.log(`bundled ${bundle.entry} -> ${relative(root, outfile)} (${kib} KiB)`);
      });
    },
  };
}
