/**
 * A BM25F index over folded syllables and syllable bigrams of several weighted fields. For each
 * (term, record) it also keeps which accented spellings of a syllable the record uses, so that a question
 * typed with diacritics can tell "khai sinh" from "khai sính".
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
export type IndexDocument<F extends string> = Record<F, IndexedToken[][]>;

interface Posting {
  docs: Int32Array;
  /** Combined, length-normalised, field-weighted term frequency. */
  tf: Float32Array;
  /** Unigrams only: bit i set when the record uses accented spelling i of this folded syllable. */
  spellings?: Uint32Array;
}

export const K1 = 1.2;

export class FieldedIndex<F extends string> {
  readonly size: number;
  private readonly postings = new Map<string, Posting>();
  /** For each folded syllable, its accented spellings in index order (at most 32 are told apart). */
  private readonly spellings = new Map<string, string[]>();

  constructor(
    docs: ReadonlyArray<IndexDocument<F>>,
    private readonly fields: Record<F, FieldSpec>,
  ) {
    this.size = docs.length;
    const names = Object.keys(fields) as F[];
    const avgLen = new Map<F, number>();
    for (const f of names) {
      let total = 0;
      for (const d of docs) total += d[f].reduce((n, seq) => n + seq.length, 0);
      avgLen.set(f, Math.max(1, total / Math.max(1, docs.length)));
    }
    // Accumulate per term: doc → tf, doc → spelling bits.
    const acc = new Map<string, { docs: number[]; tf: number[]; bits: number[] | undefined }>();
    const bump = (term: string, doc: number, w: number, bit: number | undefined): void => {
      let a = acc.get(term);
      if (!a) {
        a = { docs: [], tf: [], bits: bit === undefined ? undefined : [] };
        acc.set(term, a);
      }
      const last = a.docs.length - 1;
      if (last >= 0 && a.docs[last] === doc) {
        a.tf[last]! += w;
        if (a.bits && bit !== undefined) a.bits[last]! |= bit;
      } else {
        a.docs.push(doc);
        a.tf.push(w);
        if (a.bits) a.bits.push(bit ?? 0);
      }
    };
    docs.forEach((d, doc) => {
      for (const f of names) {
        const spec = fields[f];
        const len = d[f].reduce((n, seq) => n + seq.length, 0);
        if (len === 0) continue;
        const norm = spec.weight / (1 - spec.b + (spec.b * len) / avgLen.get(f)!);
        for (const seq of d[f]) {
          for (let i = 0; i < seq.length; i++) {
            const t = seq[i]!;
            bump(t.folded, doc, norm, this.spellingBit(t.folded, t.accented));
            const next = seq[i + 1];
            if (next && spec.bigrams) bump(`${t.folded} ${next.folded}`, doc, norm, undefined);
          }
        }
      }
    });
    for (const [term, a] of acc) {
      const p: Posting = { docs: Int32Array.from(a.docs), tf: Float32Array.from(a.tf) };
      if (a.bits) p.spellings = Uint32Array.from(a.bits);
      this.postings.set(term, p);
    }
  }

  private spellingBit(folded: string, accented: string): number {
    let list = this.spellings.get(folded);
    if (!list) {
      list = [];
      this.spellings.set(folded, list);
    }
    let i = list.indexOf(accented);
    if (i === -1) {
      if (list.length >= 32) return 0;
      list.push(accented);
      i = list.length - 1;
    }
    return 1 << i;
  }

  has(term: string): boolean {
    return this.postings.has(term);
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
  accumulate(
    scores: Float64Array,
    term: string,
    weight: number,
    accented?: string,
    mismatch = 1,
  ): void {
    const p = this.postings.get(term);
    if (!p) return;
    const w = weight * this.idf(term);
    let bit = 0;
    if (accented !== undefined && p.spellings) {
      const i = this.spellings.get(term)?.indexOf(accented) ?? -1;
      bit = i >= 0 ? 1 << i : 0;
    }
    const checkAccent = accented !== undefined && p.spellings !== undefined && mismatch !== 1;
    for (let k = 0; k < p.docs.length; k++) {
      const tf = p.tf[k]!;
      let s = (w * tf) / (K1 + tf);
      if (checkAccent && (p.spellings![k]! & bit) === 0) s *= mismatch;
      scores[p.docs[k]!]! += s;
    }
  }
}
