/**
 * Overlap resolution (issue 2, "Longest match wins"): within a category, the longest match wins and
 * entities never overlap; across categories, a region strictly inside a longer match of another
 * category is dropped ("Union africaine" is an actor, "Afrique du Sud" is ZA), and so is a country
 * strictly inside a region ("Strait of Gibraltar"), while countries and threats inside an actor's
 * name are kept ("la Police fédérale belge" still gives BE).
 */
import type { Category } from '../types';
import type { EntityMatch } from './entityMatch';
import { SpanIndex } from './spanIndex';

/** A span of any category, for the cross-category rule. */
export interface CategorySpan {
  start: number;
  end: number;
  category: Category;
}

/** Keeps, per category, the longest non-overlapping matches; then applies the cross-category rules. Sorted by start. */
export function resolveMatches(matches: readonly EntityMatch[]): EntityMatch[] {
  const actors: EntityMatch[] = [];
  const countries: EntityMatch[] = [];
  const regions: EntityMatch[] = [];
  const threats: EntityMatch[] = [];
  for (const m of matches) {
    switch (m.category) {
      case 'actor':
        actors.push(m);
        break;
      case 'country':
        countries.push(m);
        break;
      case 'region':
        regions.push(m);
        break;
      case 'threat':
        threats.push(m);
        break;
    }
  }
  const keptCountries = longestWithoutOverlap(countries);
  const others = mergeByPosition([longestWithoutOverlap(actors), keptCountries, longestWithoutOverlap(threats)]);
  const keptRegions = outsideContainers(longestWithoutOverlap(regions), others);
  if (keptRegions.length === 0 || keptCountries.length === 0) return mergeByPosition([others, keptRegions]);
  // The converse for countries: a country named inside a region's name ("Strait of Gibraltar",
  // "golfe de Guinée") is part of that name, not a mention of the country.
  const countriesOutside = outsideContainers(keptCountries, keptRegions);
  if (countriesOutside.length === keptCountries.length) return mergeByPosition([others, keptRegions]);
  // Both lists hold the kept countries in the same order: one walk finds the ones to drop.
  const kept: EntityMatch[] = [];
  let next = 0;
  for (const m of others) {
    if (m.category !== 'country') kept.push(m);
    else if (countriesOutside[next] === m) kept.push(countriesOutside[next++]!);
  }
  return mergeByPosition([kept, keptRegions]);
}

/** Merges lists already sorted by `byPosition` into one sorted list (earlier lists first on ties). */
export function mergeByPosition<T extends { start: number; end: number }>(lists: readonly (readonly T[])[]): T[] {
  let merged: readonly T[] = [];
  let fresh = false;
  for (const list of lists) {
    if (list.length === 0) continue;
    if (merged.length === 0) {
      merged = list;
    } else {
      merged = mergeTwo(merged, list);
      fresh = true;
    }
  }
  return fresh ? (merged as T[]) : merged.slice();
}

function mergeTwo<T extends { start: number; end: number }>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (y.start < x.start || (y.start === x.start && y.end > x.end)) {
      out[k++] = y;
      j++;
    } else {
      out[k++] = x;
      i++;
    }
  }
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** Orders spans by start, then longest first. */
export function byPosition(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * Longest-first greedy selection. Matches are first cut into clusters of transitively overlapping
 * ones, so the usual case (no overlap) costs one pass; inside a cluster, an occupancy table makes
 * each check linear in the match length even when a pathological text chains thousands of overlaps.
 */
function longestWithoutOverlap(list: EntityMatch[]): EntityMatch[] {
  // The matcher emits in token order, so the list is sorted already or nearly (a threat frame
  // whose object stands before its head); clusters only need the starts in order (the choice
  // inside a cluster sorts by length itself).
  sortByStart(list);
  const kept: EntityMatch[] = [];
  // The current cluster is list[first, i); most clusters are one match, kept without a copy.
  let first = 0;
  let clusterEnd = -1;
  const flush = (end: number): void => {
    if (end - first === 1) kept.push(list[first]!);
    else if (end - first <= SMALL_CLUSTER) pickInSmallCluster(list, first, end, kept);
    else for (const m of pickInCluster(list.slice(first, end))) kept.push(m);
  };
  for (let i = 0; i < list.length; i++) {
    const m = list[i]!;
    if (m.start >= clusterEnd) {
      flush(i);
      first = i;
      clusterEnd = m.end;
    } else if (m.end > clusterEnd) {
      clusterEnd = m.end;
    }
  }
  flush(list.length);
  return kept;
}

/**
 * Sorts by start, stably, in place. The lists here are nearly sorted, so an insertion sort does it
 * in one pass without the copy `Array.prototype.sort` makes; a list far from sorted (more shifts
 * than a few per element) is handed to `sort`, which gives the same order.
 */
function sortByStart(list: { start: number }[]): void {
  let budget = 8 * list.length;
  for (let i = 1; i < list.length; i++) {
    const m = list[i]!;
    let j = i;
    while (j > 0 && list[j - 1]!.start > m.start) {
      if (--budget < 0) {
        // Equal starts are still in their first order, so `sort` (stable) ends where we would.
        list[j] = m;
        list.sort((a, b) => a.start - b.start);
        return;
      }
      list[j] = list[j - 1]!;
      j--;
    }
    list[j] = m;
  }
}

/** Longest (in characters) first; at equal length the earlier, then the better ranked one. */
function preference(a: EntityMatch, b: EntityMatch): number {
  return b.end - b.start - (a.end - a.start) || a.start - b.start || a.rank - b.rank;
}

/** Clusters up to this size are resolved in place; larger ones (pathological text) by `pickInCluster`. */
const SMALL_CLUSTER = 16;

/**
 * `pickInCluster` for list[first, end), appending to `kept` without allocating: the usual cluster
 * is two or three matches ("trafic de stupéfiants" as a term and as a frame). Matches are taken in
 * order of preference (the earlier on a tie, as the stable sort does) when they overlap none taken.
 */
function pickInSmallCluster(list: readonly EntityMatch[], first: number, end: number, kept: EntityMatch[]): void {
  const from = kept.length;
  let visited = 0; // bit k: list[first + k] has had its turn
  for (let turn = first; turn < end; turn++) {
    let best = -1;
    for (let k = first; k < end; k++) {
      if ((visited & (1 << (k - first))) === 0 && (best < 0 || preference(list[best]!, list[k]!) > 0)) best = k;
    }
    visited |= 1 << (best - first);
    const m = list[best]!;
    let free = true; // an empty match overlaps nothing
    for (let c = from; c < kept.length && free && m.end > m.start; c++) {
      const taken = kept[c]!;
      free = taken.end <= taken.start || m.end <= taken.start || taken.end <= m.start;
    }
    if (free) kept.push(m);
  }
  // In document order, stably (an insertion sort of the few matches taken).
  for (let i = from + 1; i < kept.length; i++) {
    const m = kept[i]!;
    let j = i;
    for (; j > from && byPosition(kept[j - 1]!, m) > 0; j--) kept[j] = kept[j - 1]!;
    kept[j] = m;
  }
}

function pickInCluster(cluster: EntityMatch[]): EntityMatch[] {
  const order = cluster.slice().sort(preference);
  // Occupancy is kept per UTF-16 offset relative to the cluster, because two matches inside one
  // Arabic token (different clitic stems) share a token but not their offsets.
  let lo = Infinity;
  let hi = -Infinity;
  for (const m of cluster) {
    lo = Math.min(lo, m.start);
    hi = Math.max(hi, m.end);
  }
  const taken = new Uint8Array(hi - lo);
  const chosen: EntityMatch[] = [];
  picked: for (const m of order) {
    for (let o = m.start; o < m.end; o++) if (taken[o - lo] !== 0) continue picked;
    taken.fill(1, m.start - lo, m.end - lo);
    chosen.push(m);
  }
  return chosen.sort(byPosition);
}

/**
 * The regions not strictly inside a span of `containers`; both lists sorted by start. One merge-like
 * sweep: the furthest end among containers starting before a region (or with it) decides.
 */
function outsideContainers<T extends { start: number; end: number }>(regions: readonly T[], containers: readonly { start: number; end: number }[]): T[] {
  if (regions.length === 0 || containers.length === 0) return regions.slice();
  const kept: T[] = [];
  let c = 0;
  let furthestBefore = -1; // among containers with start < region.start
  for (const r of regions) {
    while (c < containers.length && containers[c]!.start < r.start) furthestBefore = Math.max(furthestBefore, containers[c++]!.end);
    let inside = furthestBefore >= r.end;
    for (let k = c; !inside && k < containers.length && containers[k]!.start === r.start; k++) inside = containers[k]!.end > r.end;
    if (!inside) kept.push(r);
  }
  return kept;
}

/**
 * Drops the regions of `matches` that lie strictly inside a longer span of another category among
 * `others` (which may include `matches` themselves and heuristic actors).
 */
export function dropContainedRegions<T extends CategorySpan>(matches: readonly T[], others: readonly CategorySpan[]): T[] {
  if (!matches.some((m) => m.category === 'region')) return matches.slice();
  const containers = new SpanIndex(others.filter((o) => o.category !== 'region'));
  if (containers.size === 0) return matches.slice();
  return matches.filter((m) => m.category !== 'region' || !containers.contains(m, true));
}
