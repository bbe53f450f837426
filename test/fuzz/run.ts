/**
 * `npm run fuzz`: the fuzz properties of `npm test`, much longer (issue 6, "Property and fuzz
 * tests"), from a random seed that is printed first so that a failure can be replayed:
 *
 *   npm run fuzz                                   200,000 core cases, 4,000 server sequences
 *   FUZZ_RUNS=1000000 npm run fuzz                 more core cases
 *   FUZZ_SERVER_RUNS=500 npm run fuzz              fewer or more edit sequences
 *   FUZZ_SEED=123 npm run fuzz                     replay a seed
 *   npm run fuzz -- --grep tag-all                 one property (any mocha option)
 *
 * A failure prints fast-check's shrunk counterexample (and its seed and path). Make it a plain test
 * in test/unit/fuzzRegressions.test.ts once it is fixed.
 */
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { join, resolve } from 'node:path';
import { DEFAULT_LONG_CORE_TOTAL, DEFAULT_SERVER_RUNS, LONG_SERVER_FACTOR } from './config';

const root = resolve(__dirname, '..', '..', '..');
const out = join(root, 'test', 'out');
const files = [join(out, 'unit', 'fuzzRecognizer.test.js'), join(out, 'unit', 'fuzzFrontMatter.test.js'), join(out, 'protocol', 'fuzzServer.test.js')];

const given = process.env['FUZZ_SEED'];
const seed = given !== undefined && given.trim() !== '' ? given.trim() : String(randomInt(1, 2 ** 31 - 1));
const env: NodeJS.ProcessEnv = { ...process.env, FUZZ_LONG: '1', FUZZ_SEED: seed };
const runs = env['FUZZ_RUNS'] ?? `${DEFAULT_LONG_CORE_TOTAL} (default)`;
const serverRuns = env['FUZZ_SERVER_RUNS'] ?? `${DEFAULT_SERVER_RUNS * LONG_SERVER_FACTOR} (default)`;
console.log(`fuzz: seed ${seed} (replay with FUZZ_SEED=${seed}), FUZZ_RUNS=${runs}, FUZZ_SERVER_RUNS=${serverRuns}`);

const mocha = join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const result = spawnSync(process.execPath, [mocha, '--no-config', '--timeout', '0', '--reporter', 'spec', ...process.argv.slice(2), ...files], { stdio: 'inherit', env, cwd: root });
if (result.status !== 0) console.log(`\nfuzz: failed with seed ${seed}; replay with FUZZ_SEED=${seed} and the same FUZZ_RUNS.`);
process.exit(result.status ?? 1);
