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

/**
 * The spans of the matches being resolved, read once from the match objects: every pass below
 * (sorting, clusters, merges, containment) reads these flat arrays and lists of match indices
 * instead of the objects, which a long document has by the hundred thousand, scattered in memory.
 */
interface Spans {
  starts: Float64Array;
  ends: Float64Array;
  ranks: Float64Array;
}

const COUNTRY = 1;

/** Keeps, per category, the longest non-overlapping matches; then applies the cross-category rules. Sorted by start. */
export function resolveMatches(matches: readonly EntityMatch[]): EntityMatch[] {
  const n = matches.length;
  const s: Spans = { starts: new Float64Array(n), ends: new Float64Array(n), ranks: new Float64Array(n) };
  const categories = new Uint8Array(n);
  const actors: number[] = [];
  const countries: number[] = [];
  const regions: number[] = [];
  const threats: number[] = [];
  for (let i = 0; i < n; i++) {
    const m = matches[i]!;
    s.starts[i] = m.start;
    s.ends[i] = m.end;
    s.ranks[i] = m.rank;
    switch (m.category) {
      case 'actor':
        actors.push(i);
        break;
      case 'country':
        countries.push(i);
        categories[i] = COUNTRY;
        break;
      case 'region':
        regions.push(i);
        break;
      case 'threat':
        threats.push(i);
        break;
    }
  }
  const keptCountries = longestWithoutOverlap(s, countries);
  const others = mergeLists(s, [longestWithoutOverlap(s, actors), keptCountries, longestWithoutOverlap(s, threats)]);
  const keptRegions = outsideContainers(s, longestWithoutOverlap(s, regions), others);
  let resolved: readonly number[];
  if (keptRegions.length === 0 || keptCountries.length === 0) {
    resolved = mergeLists(s, [others, keptRegions]);
  } else {
    // The converse for countries: a country named inside a region's name ("Strait of Gibraltar",
    // "golfe de Guinée") is part of that name, not a mention of the country.
    const countriesOutside = outsideContainers(s, keptCountries, keptRegions);
    if (countriesOutside.length === keptCountries.length) {
      resolved = mergeLists(s, [others, keptRegions]);
    } else {
      // Both lists hold the kept countries in the same order: one walk finds the ones to drop.
      const kept: number[] = [];
      let next = 0;
      for (const i of others) {
        if (categories[i] !== COUNTRY) kept.push(i);
        else if (countriesOutside[next] === i) kept.push(countriesOutside[next++]!);
      }
      resolved = mergeLists(s, [kept, keptRegions]);
    }
  }
  const out = new Array<EntityMatch>(resolved.length);
  for (let k = 0; k < resolved.length; k++) out[k] = matches[resolved[k]!]!;
  return out;
}

/** `mergeByPosition` for lists of match indices. */
function mergeLists(s: Spans, lists: readonly (readonly number[])[]): readonly number[] {
  let merged: readonly number[] = [];
  for (const list of lists) {
    if (list.length === 0) continue;
    merged = merged.length === 0 ? list : mergeTwoLists(s, merged, list);
  }
  return merged;
}

function mergeTwoLists(s: Spans, a: readonly number[], b: readonly number[]): number[] {
  const { starts, ends } = s;
  const out = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (starts[y]! < starts[x]! || (starts[y] === starts[x] && ends[y]! > ends[x]!)) {
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
 * Longest-first greedy selection over a list of match indices. Matches are first cut into clusters
 * of transitively overlapping ones, so the usual case (no overlap) costs one pass; inside a
 * cluster, an occupancy table makes each check linear in the match length even when a
 * pathological text chains thousands of overlaps.
 */
function longestWithoutOverlap(s: Spans, list: number[]): number[] {
  const { starts, ends } = s;
  // The matcher emits in token order, so the list is sorted already or nearly (a threat frame
  // whose object stands before its head); clusters only need the starts in order (the choice
  // inside a cluster sorts by length itself).
  sortByStart(s, list);
  const kept: number[] = [];
  // The current cluster is list[first, i); most clusters are one match, kept without a copy.
  let first = 0;
  let clusterEnd = -1;
  const flush = (end: number): void => {
    if (end - first === 1) kept.push(list[first]!);
    else if (end - first <= SMALL_CLUSTER) pickInSmallCluster(s, list, first, end, kept);
    else for (const m of pickInCluster(s, list.slice(first, end))) kept.push(m);
  };
  for (let i = 0; i < list.length; i++) {
    const m = list[i]!;
    if (starts[m]! >= clusterEnd) {
      flush(i);
      first = i;
      clusterEnd = ends[m]!;
    } else if (ends[m]! > clusterEnd) {
      clusterEnd = ends[m]!;
    }
  }
  flush(list.length);
  return kept;
}

/**
 * Sorts match indices by start, stably, in place. The lists here are nearly sorted, so an
 * insertion sort does it in one pass without the copy `Array.prototype.sort` makes; a list far
 * from sorted (more shifts than a few per element) is handed to `sort`, which gives the same order.
 */
function sortByStart(s: Spans, list: number[]): void {
  const starts = s.starts;
  let budget = 8 * list.length;
  for (let i = 1; i < list.length; i++) {
    const m = list[i]!;
    let j = i;
    while (j > 0 && starts[list[j - 1]!]! > starts[m]!) {
      if (--budget < 0) {
        // Equal starts are still in their first order, so `sort` (stable) ends where we would.
        list[j] = m;
        list.sort((a, b) => starts[a]! - starts[b]!);
        return;
      }
      list[j] = list[j - 1]!;
      j--;
    }
    list[j] = m;
  }
}

/** Longest (in characters) first; at equal length the earlier, then the better ranked one. */
function preference(s: Spans, a: number, b: number): number {
  const { starts, ends, ranks } = s;
  return ends[b]! - starts[b]! - (ends[a]! - starts[a]!) || starts[a]! - starts[b]! || ranks[a]! - ranks[b]!;
}

/** `byPosition` for match indices. */
function byPositionOf(s: Spans, a: number, b: number): number {
  return s.starts[a]! - s.starts[b]! || s.ends[b]! - s.ends[a]!;
}

/** Clusters up to this size are resolved in place; larger ones (pathological text) by `pickInCluster`. */
const SMALL_CLUSTER = 16;

/**
 * `pickInCluster` for list[first, end), appending to `kept`: the usual cluster is two or three
 * matches ("trafic de stupéfiants" as a term and as a frame). Matches are taken in order of
 * preference (the earlier on a tie, as the stable sort does) when they overlap none taken.
 */
function pickInSmallCluster(s: Spans, list: readonly number[], first: number, end: number, kept: number[]): void {
  const { starts, ends } = s;
  const from = kept.length;
  let visited = 0; // bit k: list[first + k] has had its turn
  for (let turn = first; turn < end; turn++) {
    let best = -1;
    for (let k = first; k < end; k++) {
      if ((visited & (1 << (k - first))) === 0 && (best < 0 || preference(s, list[best]!, list[k]!) > 0)) best = k;
    }
    visited |= 1 << (best - first);
    const m = list[best]!;
    let free = true; // an empty match overlaps nothing
    for (let c = from; c < kept.length && free && ends[m]! > starts[m]!; c++) {
      const taken = kept[c]!;
      free = ends[taken]! <= starts[taken]! || ends[m]! <= starts[taken]! || ends[taken]! <= starts[m]!;
    }
    if (free) kept.push(m);
  }
  // In document order, stably (an insertion sort of the few matches taken).
  for (let i = from + 1; i < kept.length; i++) {
    const m = kept[i]!;
    let j = i;
    for (; j > from && byPositionOf(s, kept[j - 1]!, m) > 0; j--) kept[j] = kept[j - 1]!;
    kept[j] = m;
  }
}

function pickInCluster(s: Spans, cluster: number[]): number[] {
  const { starts, ends } = s;
  const order = cluster.slice().sort((a, b) => preference(s, a, b));
  // Occupancy is kept per UTF-16 offset relative to the cluster, because two matches inside one
  // Arabic token (different clitic stems) share a token but not their offsets.
  let lo = Infinity;
  let hi = -Infinity;
  for (const m of cluster) {
    lo = Math.min(lo, starts[m]!);
    hi = Math.max(hi, ends[m]!);
  }
  const taken = new Uint8Array(hi - lo);
  const chosen: number[] = [];
  picked: for (const m of order) {
    for (let o = starts[m]!; o < ends[m]!; o++) if (taken[o - lo] !== 0) continue picked;
    taken.fill(1, starts[m]! - lo, ends[m]! - lo);
    chosen.push(m);
  }
  return chosen.sort((a, b) => byPositionOf(s, a, b));
}

/**
 * The regions not strictly inside a span of `containers`; both lists of indices sorted by start.
 * One merge-like sweep: the furthest end among containers starting before a region (or with it)
 * decides.
 */
function outsideContainers(s: Spans, regions: readonly number[], containers: readonly number[]): number[] {
  if (regions.length === 0 || containers.length === 0) return regions.slice();
  const { starts, ends } = s;
  const kept: number[] = [];
  let c = 0;
  let furthestBefore = -1; // among containers with start < region.start
  for (const r of regions) {
    while (c < containers.length && starts[containers[c]!]! < starts[r]!) furthestBefore = Math.max(furthestBefore, ends[containers[c++]!]!);
    let inside = furthestBefore >= ends[r]!;
    for (let k = c; !inside && k < containers.length && starts[containers[k]!] === starts[r]; k++) inside = ends[containers[k]!]! > ends[r]!;
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
