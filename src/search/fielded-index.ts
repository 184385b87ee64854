/**
 * A BM25F index over folded syllables and syllable bigrams of several weighted fields. For each
 * (term, record) it also keeps which accented spellings of a syllable the record uses, so that a question
 * typed with diacritics can tell "khai sinh" from "khai sính".
 *
 * Terms are interned to integer ids while building (a catalogue of 50,000 records has some 10^7 token
 * occurrences); the finished index keeps one compact posting list per term.
 */

export interface FieldSpec {
  weight: number;
  /** BM25 length normalisation for this field (0: none, 1: full). */
  b: number;
  /** Index syllable bigrams of this field too (worth it for short, telling fields like names). */
  bigrams: boolean;
}

export interface IndexedToken {
  accented: string;
  folded: string;
}

/** One record as the index sees it: for each field, one or more token sequences (e.g. one per alias). */
export type IndexDocument<F extends string> = Record<F, ReadonlyArray<ReadonlyArray<IndexedToken>>>;

interface Posting {
  docs: Int32Array;
  /** Combined, length-normalised, field-weighted term frequency. */
  tf: Float32Array;
  /** Unigrams only: bit i set when the record uses accented spelling i of this folded syllable. */
  spellings?: Uint32Array;
}

/** A posting list while it is being built. */
interface Builder {
  docs: number[];
  tf: number[];
  bits: number[] | undefined;
}

export const K1 = 1.2;

export class FieldedIndex<F extends string> {
  readonly size: number;
  private readonly postings = new Map<string, Posting>();
  /** For each folded syllable, its accented spellings and their bit (at most 32 are told apart). */
  private readonly spellings = new Map<string, Map<string, number>>();

  constructor(
    docs: ReadonlyArray<IndexDocument<F>>,
    fields: Record<F, FieldSpec>,
  ) {
    this.size = docs.length;
    const names = Object.keys(fields) as F[];
    const avgLen = new Map<F, number>();
    for (const f of names) {
      let total = 0;
      for (const d of docs) for (const seq of d[f]) total += seq.length;
      avgLen.set(f, Math.max(1, total / Math.max(1, docs.length)));
    }

    // Interned terms: unigram ids from accented spellings (one lookup per token), bigram ids from pairs.
    const termIds = new Map<string, number>();
    const terms: string[] = [];
    const builders: Builder[] = [];
    const termId = (term: string, unigram: boolean): number => {
      let id = termIds.get(term);
      if (id === undefined) {
        id = terms.length;
        termIds.set(term, id);
        terms.push(term);
        builders.push({ docs: [], tf: [], bits: unigram ? [] : undefined });
      }
      return id;
    };
    const byAccented = new Map<string, { id: number; bit: number }>();
    const unigram = (t: IndexedToken): { id: number; bit: number } => {
      let u = byAccented.get(t.accented);
      if (!u) {
        u = { id: termId(t.folded, true), bit: this.spellingBit(t.folded, t.accented) };
        byAccented.set(t.accented, u);
      }
      return u;
    };
    const bigramIds = new Map<number, number>();
    const bigram = (a: number, b: number): number => {
      const key = a * 4_194_304 + b; // ids stay far below 2^22
      let id = bigramIds.get(key);
      if (id === undefined) {
        id = termId(`${terms[a]!} ${terms[b]!}`, false);
        bigramIds.set(key, id);
      }
      return id;
    };
    const bump = (id: number, doc: number, w: number, bit: number): void => {
      const b = builders[id]!;
      const last = b.docs.length - 1;
      if (last >= 0 && b.docs[last] === doc) {
        b.tf[last]! += w;
        if (b.bits) b.bits[last]! |= bit;
      } else {
        b.docs.push(doc);
        b.tf.push(w);
        if (b.bits) b.bits.push(bit);
      }
    };

    docs.forEach((d, doc) => {
      for (const f of names) {
        const spec = fields[f];
        let len = 0;
        for (const seq of d[f]) len += seq.length;
        if (len === 0) continue;
        const norm = spec.weight / (1 - spec.b + (spec.b * len) / avgLen.get(f)!);
        for (const seq of d[f]) {
          let previous = -1;
          for (const t of seq) {
            const u = unigram(t);
            bump(u.id, doc, norm, u.bit);
            if (spec.bigrams && previous >= 0) bump(bigram(previous, u.id), doc, norm, 0);
            previous = u.id;
          }
        }
      }
    });
    builders.forEach((b, id) => {
      const p: Posting = { docs: Int32Array.from(b.docs), tf: Float32Array.from(b.tf) };
      if (b.bits) p.spellings = Uint32Array.from(b.bits);
      this.postings.set(terms[id]!, p);
    });
  }

  private spellingBit(folded: string, accented: string): number {
    let map = this.spellings.get(folded);
    if (!map) {
      map = new Map();
      this.spellings.set(folded, map);
    }
    let bit = map.get(accented);
    if (bit === undefined) {
      if (map.size >= 32) return 0;
      bit = 1 << map.size;
      map.set(accented, bit);
    }
    return bit;
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  /** Whether any record spells the folded syllable this way ("sinh" yes, "sính" maybe not). */
  hasSpelling(folded: string, accented: string): boolean {
    return this.spellings.get(folded)?.has(accented) ?? false;
  }

  documentFrequency(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  idf(term: string): number {
    const df = this.documentFrequency(term);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** All folded unigrams of the index (for typo repair). */
  vocabulary(): string[] {
    return [...this.spellings.keys()];
  }

  /**
   * Add `weight × idf × saturated tf` of `term` to `scores` for every record holding it. With `accented`
   * given, records that use the syllable only in other spellings get `mismatch × ` that.
   */
  accumulate(scores: Float64Array, term: string, weight: number, accented?: string, mismatch = 1): void {
    const p = this.postings.get(term);
    if (!p) return;
    const w = weight * this.idf(term);
    const bit = accented !== undefined && p.spellings ? (this.spellings.get(term)?.get(accented) ?? 0) : 0;
    const checkAccent = accented !== undefined && p.spellings !== undefined && mismatch !== 1;
    for (let k = 0; k < p.docs.length; k++) {
      const tf = p.tf[k]!;
      let s = (w * tf) / (K1 + tf);
      if (checkAccent && (p.spellings![k]! & bit) === 0) s *= mismatch;
      scores[p.docs[k]!]! += s;
    }
  }
}
