/**
 * Typo tolerance: a folded syllable that is not in the index vocabulary ("thuong tru" is, "thuog" is not)
 * is matched against the vocabulary with fuse.js. Vocabulary words are bucketed by first letter and
 * length, so a lookup searches a few dozen short strings; only unknown syllables are looked up.
 */
import Fuse from 'fuse.js';

export interface Repair {
  term: string;
  /** 0..1: how close (1 = identical). */
  similarity: number;
}

/** Shorter syllables are left alone: "bn", "ko" are teencode, not typos, and short words have too many neighbours. */
const MIN_LENGTH = 4;
const THRESHOLD = 0.3;

export class TypoRepair {
  private readonly buckets = new Map<string, Fuse<string>>();
  private readonly cache = new Map<string, Repair | null>();

  constructor(vocabulary: readonly string[]) {
    const groups = new Map<string, string[]>();
    for (const word of vocabulary) {
      if (word.length < MIN_LENGTH - 1 || !/^[a-z]+$/.test(word)) continue;
      const key = `${word[0]!}${word.length}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(word);
    }
    for (const [key, words] of groups) {
      this.buckets.set(
        key,
        new Fuse(words, { includeScore: true, threshold: THRESHOLD, ignoreLocation: true, minMatchCharLength: 2 }),
      );
    }
  }

  /** The closest vocabulary syllable to an unknown one, or undefined. */
  repair(folded: string): Repair | undefined {
    if (folded.length < MIN_LENGTH || !/^[a-z]+$/.test(folded)) return undefined;
    const cached = this.cache.get(folded);
    if (cached !== undefined) return cached ?? undefined;
    let best: Repair | undefined;
    // Same first letter, same length ±1: a slip of the finger, not another word containing this one.
    for (let len = folded.length - 1; len <= folded.length + 1; len++) {
      const fuse = this.buckets.get(`${folded[0]!}${len}`);
      if (!fuse) continue;
      for (const r of fuse.search(folded, { limit: 3 })) {
        const similarity = 1 - (r.score ?? 1);
        if (!best || similarity > best.similarity) best = { term: r.item, similarity };
      }
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(folded, best ?? null);
    return best;
  }
}
