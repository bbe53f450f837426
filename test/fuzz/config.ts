/**
 * How many cases each property runs, and from which seed (issue 6, "Property and fuzz tests").
 *
 * `npm test` runs a fixed, seeded batch so that a failure is the same failure on every machine;
 * `FUZZ_SEED` replays another seed. `npm run fuzz` (test/fuzz/run.ts) sets `FUZZ_LONG=1` and a
 * random seed, and scales every property so that the core ones run `FUZZ_RUNS` cases together
 * (200,000 by default) and the server one `FUZZ_SERVER_RUNS` edit sequences.
 *
 * Every property records what it ran in the ledger, which the suites print so that the count of
 * cases is visible in the test output (and in RELIABILITY.md).
 */

/** The seed of the default batch: any fixed number will do, this one is the date the fuzzing started. */
export const DEFAULT_SEED = 20260417;

/** Cases of the core properties in the default batch, by property name (they add up to DEFAULT_CORE_TOTAL). */
export const DEFAULT_RUNS = {
  recognizer: 4_000,
  tagAll: 3_000,
  fixes: 3_000,
} as const;

/** Edit sequences sent to the running server in the default batch. */
export const DEFAULT_SERVER_RUNS = 300;

const DEFAULT_CORE_TOTAL = Object.values(DEFAULT_RUNS).reduce((a, b) => a + b, 0);

/** Core cases of `npm run fuzz` when FUZZ_RUNS is not set. */
export const DEFAULT_LONG_CORE_TOTAL = 200_000;

/** Edit sequences of `npm run fuzz` when FUZZ_SERVER_RUNS is not set, as a multiple of the default batch. */
export const LONG_SERVER_FACTOR = 20;

function envInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  return value;
}

/** True under `npm run fuzz`. */
export function longRun(): boolean {
  return process.env['FUZZ_LONG'] === '1';
}

/** The seed of every property: FUZZ_SEED, or the fixed default. */
export function fuzzSeed(): number {
  return envInteger('FUZZ_SEED') ?? DEFAULT_SEED;
}

/** The number of cases of a core property. */
export function coreRuns(property: keyof typeof DEFAULT_RUNS): number {
  const runs = DEFAULT_RUNS[property];
  if (!longRun()) return runs;
  const total = envInteger('FUZZ_RUNS') ?? DEFAULT_LONG_CORE_TOTAL;
  return Math.max(1, Math.round((runs * total) / DEFAULT_CORE_TOTAL));
}

/** The number of edit sequences of the server property. */
export function serverRuns(): number {
  if (!longRun()) return DEFAULT_SERVER_RUNS;
  return envInteger('FUZZ_SERVER_RUNS') ?? DEFAULT_SERVER_RUNS * LONG_SERVER_FACTOR;
}

/** One property's run, as the suites print it. */
export interface LedgerLine {
  property: string;
  cases: number;
  /** Inner steps when a case is a sequence (edits sent to the server), else equal to cases. */
  steps: number;
  ms: number;
  /** CPU time of the process meanwhile (user + system): what the property costs on an idle machine. */
  cpuMs?: number;
  seed: number;
}

const ledger: LedgerLine[] = [];

/** Records a finished property and prints its line (cases, time, seed). */
export function record(line: LedgerLine): void {
  ledger.push(line);
  const steps = line.steps !== line.cases ? ` (${line.steps.toLocaleString('en')} steps)` : '';
  const cpu = line.cpuMs !== undefined ? ` (CPU ${(line.cpuMs / 1000).toFixed(1)} s)` : '';
  console.log(`      fuzz: ${line.property}: ${line.cases.toLocaleString('en')} cases${steps} in ${(line.ms / 1000).toFixed(1)} s${cpu}, seed ${line.seed}`);
}

/** What was recorded so far. */
export function recorded(): readonly LedgerLine[] {
  return ledger;
}

/** A stopwatch of wall-clock and CPU time. */
export function stopwatch(): () => { ms: number; cpuMs: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
  };
}

let totalRegistered = false;

/**
 * Prints the total of the cases run once every suite has finished. Called at the top level of each
 * fuzz test file: the first call registers one root `after` hook, the others do nothing.
 */
export function printTotalAtEnd(): void {
  if (totalRegistered) return;
  totalRegistered = true;
  after(() => {
    if (ledger.length === 0) return;
    const cases = ledger.reduce((n, l) => n + l.cases, 0);
    const ms = ledger.reduce((n, l) => n + l.ms, 0);
    const seeds = [...new Set(ledger.map((l) => l.seed))].join(', ');
    console.log(`\n  fuzz: ${cases.toLocaleString('en')} cases in ${ledger.length} propert${ledger.length === 1 ? 'y' : 'ies'}, ${(ms / 1000).toFixed(1)} s, seed ${seeds}`);
  });
}
