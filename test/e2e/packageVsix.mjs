#!/usr/bin/env node
// Packages the extension into communique-<version>.vsix with @vscode/vsce, then checks and
// prints what went in. `npm run package` runs the build first.
//
// vsce 4 needs Node 22 or newer and this machine's Node is 20 (../shared/design/VSCODE-TESTS.md),
// so vsce runs under the Node 24 that `npm run setup:tools` installs. It is run through npx at a
// pinned version instead of being a devDependency: under Node 20 it installs with engine warnings
// and adds about 100 MB of publishing dependencies (Azure identity, keyring) nobody else needs.
//
// Flags given to vsce, and why:
//   --no-dependencies             the bundles in dist/ inline every dependency: no node_modules.
//   --skip-license                the MIT licence is declared in package.json; there is no
//                                 LICENSE file (the top level of the repository stays fixed).
//   --allow-missing-repository    the project has no public repository URL yet.
//   --no-rewrite-relative-links   vsce rewrites the README's relative links (the screenshots in
//                                 client/media/screenshots) to the repository's URL and refuses
//                                 them without one. VS Code's extension page shows https: images
//                                 only, so the screenshots are not shipped (.vscodeignore); once
//                                 package.json has a `repository`, drop this flag and
//                                 --allow-missing-repository and the page shows them.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const VSCE = '@vscode/vsce@4.1.0';
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsixName = `${manifest.name}-${manifest.version}.vsix`;
const vsixPath = join(root, vsixName);

/** Files the extension cannot run without (paths inside the VSIX, under extension/). */
const REQUIRED = [
  'package.json',
  'readme.md',
  'dist/extension.js',
  'dist/server.js',
  'dist/cli.js',
  'server/lexicon/actors.yaml',
  'server/lexicon/countries.generated.yaml',
  'server/lexicon/countries.overrides.yaml',
  'server/lexicon/regions.yaml',
  'server/lexicon/threats.yaml',
  'server/lexicon/lexicon.snapshot.json',
  'server/lexicon/lexicon.schema.json',
  'client/language-configuration.json',
  ...grammarFiles(),
];
/** What must never be shipped. */
const FORBIDDEN = [/(^|\/)node_modules\//, /\.map$/, /\.ts$/, /(^|\/)test\//, /(^|\/)src\//, /\.tsbuildinfo$/, /^client\/media\/screenshots\//];
/** A VSIX above this size means something unintended went in. */
const MAX_BYTES = 5 * 1024 * 1024;

const started = Date.now();
for (const bundle of ['dist/extension.js', 'dist/server.js', 'dist/cli.js']) {
  if (!existsSync(join(root, bundle))) fail(`${bundle} is missing: run \`npm run build\` first (\`npm run package\` does).`);
}

const node = nodeForVsce();
const npx = join(dirname(process.env.npm_execpath ?? '/usr/lib/node_modules/npm/bin/npm-cli.js'), 'npx-cli.js');
if (!existsSync(npx)) fail(`npx not found next to npm (${npx}).`);
const args = [
  npx,
  '--yes',
  VSCE,
  'package',
  '--no-dependencies',
  '--skip-license',
  '--allow-missing-repository',
  '--no-rewrite-relative-links',
  '--out',
  vsixPath,
];
console.log(`packaging with ${VSCE} under Node ${run(node, ['--version']).trim()}`);
const vsce = spawnSync(node, args, {
  cwd: root,
  stdio: 'inherit',
  // The Node 24 bin folder first: vsce runs `npm` and `node` children of its own.
  env: { ...process.env, PATH: `${dirname(node)}:${process.env.PATH ?? ''}`, npm_config_update_notifier: 'false' },
});
if (vsce.status !== 0) fail(`vsce failed (exit code ${vsce.status ?? vsce.signal}).`);

const entries = readZipEntries(readFileSync(vsixPath));
const files = entries.filter((e) => e.name.startsWith('extension/')).map((e) => ({ ...e, path: e.name.slice('extension/'.length) }));
const problems = [];
for (const required of REQUIRED) {
  if (!files.some((f) => f.path.toLowerCase() === required.toLowerCase())) problems.push(`missing ${required}`);
}
for (const f of files) {
  if (FORBIDDEN.some((re) => re.test(f.path))) problems.push(`should not ship ${f.path}`);
}
const size = statSync(vsixPath).size;
if (size > MAX_BYTES) problems.push(`the VSIX is ${kib(size)}, over the ${kib(MAX_BYTES)} budget`);

printSummary(files, size);
if (problems.length > 0) fail(`the VSIX is not right:\n  ${problems.join('\n  ')}`);
console.log(`packaged ${relative(process.cwd(), vsixPath) || vsixName} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

/** The grammar files package.json contributes (they must ship). */
function grammarFiles() {
  const grammars = manifest.contributes?.grammars ?? [];
  return grammars.map((g) => g.path.replace(/^\.\//, ''));
}

/** Node 24 from the tools folder, or this Node when it is new enough for vsce (22+). */
function nodeForVsce() {
  const tools = process.env.COMMUNIQUE_TOOLS || join(homedir(), '.cache', 'communique-tools');
  const node24 = join(tools, 'node24', 'bin', 'node');
  if (existsSync(node24)) return node24;
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
  fail(`Node 24 is missing (${node24}); vsce needs Node 22 or newer and this is Node ${process.versions.node}. Run \`npm run setup:tools\`.`);
}

function run(cmd, argv) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) fail(`${cmd} ${argv.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Lists a zip's entries from its central directory (a VSIX is a zip). */
function readZipEntries(zip) {
  // The end-of-central-directory record: the last 22 bytes, plus a comment of up to 64 KiB.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail(`${vsixName} is not a zip file.`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) fail(`${vsixName}: bad central directory entry ${n}.`);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), size, compressed });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Prints the VSIX size and its files grouped by folder. */
function printSummary(files, size) {
  const unpacked = files.reduce((n, f) => n + f.size, 0);
  console.log(`\n${vsixName}: ${kib(size)} (${files.length} files, ${kib(unpacked)} unpacked)`);
  const groups = new Map();
  for (const f of files) {
    const folder = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/') + 1) : './';
    const group = groups.get(folder) ?? { files: [], size: 0 };
    group.files.push(f);
    group.size += f.size;
    groups.set(folder, group);
  }
  for (const [folder, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const names = group.files.map((f) => `${f.path.slice(folder === './' ? 0 : folder.length)} (${kib(f.size)})`);
    console.log(`  ${folder.padEnd(26)} ${kib(group.size).padStart(10)}  ${names.join(', ')}`);
  }
  console.log('');
}

function kib(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

function fail(message) {
  console.error(`npm run package: ${message}`);
  process.exit(1);
}
