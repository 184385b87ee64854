/**
 * The matcher: a citizen's question in, the procedure it is about and the facet asked out — or an honest
 * "not sure, did you mean one of these", or "nothing fits".
 *
 * 1. Normalise (normalise.ts): accented and folded views, dictionaries, synonyms, no boilerplate.
 * 2. Retrieve with BM25F over weighted fields (fielded-index.ts), unigrams and bigrams of folded
 *    syllables; accents typed by the citizen count (a differently accented syllable is weaker evidence);
 *    unknown syllables are repaired against the vocabulary with fuse.js (typo-repair.ts).
 * 3. Rerank the best candidates with features (features.ts): agreement of the question with the record's
 *    official name, its aliases and its sample questions, how much of the question the record explains,
 *    and whether they disagree on a kind of variant (cấp lại, cấp đổi, lưu động… — dictionary `contrasts`).
 * 4. Decide (decision.ts): answer / clarify / none from a calibrated confidence.
 */
import type { Dictionaries } from '../knowledge/dictionaries.js';
import type { ProcedureRecord } from '../knowledge/schema.js';
import { decide, type Decision } from './decision.js';
import { detectFacets, type Facet } from './facets.js';
import { candidateFeatures, questionTerms, rankScore, type CandidateFeatures, type Phrase } from './features.js';
import { FieldedIndex, type FieldSpec, type IndexDocument, type IndexedToken } from './fielded-index.js';
import { TextNormaliser, type Token } from './normalise.js';
import { TypoRepair } from './typo-repair.js';

export type { Decision } from './decision.js';
export type { CandidateFeatures } from './features.js';

export interface MatchCandidate {
  code: string;
  name: string;
  /** Relevance relative to the best candidate (1 for the best). */
  score: number;
}

export interface MatchResult {
  q: string;
  decision: Decision;
  /** The facet asked (main one). */
  aspect: Facet;
  /** Every facet the question mentions, in order. */
  aspects: Facet[];
  /** Best first; at least the top 5 when there are 5 candidates. */
  results: MatchCandidate[];
  /** Estimated probability that the first result is the procedure asked about. */
  confidence: number;
  /** How well the question agrees with the first result's name or an alias (0..1): whether it names a procedure at all. */
  nameEvidence: number;
  /** For `clarify`: how many of `results` to offer (2–4). */
  clarifyCount?: number;
  /** Matching time of this question alone, in milliseconds. */
  tookMs: number;
  /** With `explain`: the features of the ranked candidates. */
  features?: Array<CandidateFeatures & { code: string; final: number }>;
}

type Field = 'name' | 'aliases' | 'questions' | 'summary' | 'field' | 'results' | 'documents' | 'body';

const FIELDS: Record<Field, FieldSpec> = {
  name: { weight: 3, b: 0.5, bigrams: true },
  aliases: { weight: 2.5, b: 0.4, bigrams: true },
  questions: { weight: 1, b: 0.5, bigrams: true },
  summary: { weight: 0.8, b: 0.75, bigrams: true },
  field: { weight: 0.5, b: 0.5, bigrams: true },
  results: { weight: 0.6, b: 0.75, bigrams: true },
  documents: { weight: 0.35, b: 0.75, bigrams: false },
  body: { weight: 0.2, b: 0.75, bigrams: false },
};

const BIGRAM_WEIGHT = 1.2;
/** A syllable typed with other accents than the record's: weaker evidence ("sính" for "sinh"). */
const ACCENT_MISMATCH = 0.45;
/** Weight of a syllable repaired from a typo, times its similarity. */
const REPAIR_WEIGHT = 0.8;
/**
 * Long texts are indexed by their beginning: imported records carry the portal's full step-by-step and
 * requirement texts, whose later paragraphs add little to finding the procedure and much to build time.
 */
const BODY_CHARS = 1500;
const DOCUMENT_NAME_CHARS = 300;

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, text.lastIndexOf(' ', max) > 0 ? text.lastIndexOf(' ', max) : max);
}

/** How many retrieved candidates are reranked. */
const RERANK_DEPTH = 30;
const RESULT_COUNT = 10;

export interface MatcherOptions {
  /** Preference for records curated by the province among near-identical records (default 0.03). */
  curatedBoost?: number;
}

interface RecordInfo {
  record: ProcedureRecord;
  name: Phrase;
  aliases: Phrase[];
  questions: Phrase[];
  /** Folded unigrams of name, aliases, sample questions and summary. */
  core: Set<string>;
  /** Kinds of variant (contrast groups) its name and aliases say. */
  contrasts: Set<string>;
}

export class Matcher {
  readonly normaliser: TextNormaliser;
  private readonly index: FieldedIndex<Field>;
  private readonly typos: TypoRepair;
  private readonly info: RecordInfo[];
  private readonly curatedBoost: number;

  constructor(records: readonly ProcedureRecord[], dictionaries: Dictionaries, options: MatcherOptions = {}) {
    this.curatedBoost = options.curatedBoost ?? 0.03;
    // Words of names and aliases are never dropped as single stopwords when typed without accents.
    const plain = new TextNormaliser(dictionaries);
    const protectedFolded = new Set<string>();
    const protectedPairs = new Set<string>();
    for (const r of records) {
      for (const text of [r.name, ...(r.aliases ?? [])]) {
        const tokens = plain.document(text);
        tokens.forEach((t, k) => {
          protectedFolded.add(t.folded);
          const next = tokens[k + 1];
          if (next) protectedPairs.add(`${t.folded} ${next.folded}`);
        });
      }
    }
    this.normaliser = new TextNormaliser(dictionaries, protectedFolded, protectedPairs);
    const n = this.normaliser;
    const doc = (text: string | undefined): Array<ReadonlyArray<IndexedToken>> => (text ? [n.document(text)] : []);
    const docs = (list: readonly string[] | undefined): Array<ReadonlyArray<IndexedToken>> => (list ?? []).map((t) => n.document(t));
    const asQuestion = (text: string): Token[] => n.query(text).tokens.filter((t) => t.source === 'typed');
    this.index = new FieldedIndex<Field>(
      records.map((r) => ({
        name: doc(r.name),
        aliases: docs(r.aliases),
        // Sample questions are indexed as questions are read: without boilerplate and facet wording.
        questions: (r.sampleQuestions ?? []).map(asQuestion),
        summary: doc(r.summary),
        field: doc(r.field),
        results: docs(r.results?.map((x) => x.name)),
        documents: (r.cases ?? []).flatMap((c) => [...docs(c.documents.map((d) => clip(d.name, DOCUMENT_NAME_CHARS))), ...doc(c.name)]),
        body: [
          ...doc(clip((r.steps ?? []).map((s) => `${s.title ?? ''} ${s.description}`).join('\n'), BODY_CHARS)),
          ...doc(clip((r.requirements ?? []).join('\n'), BODY_CHARS)),
          ...docs(r.subjects),
        ],
      })) satisfies Array<IndexDocument<Field>>,
      FIELDS,
    );
    n.releaseDocumentCache();
    this.typos = new TypoRepair(this.index.vocabulary());
    const phrase = (text: string): Phrase => {
      const tokens = n.query(text).tokens;
      const terms = this.termsOf(tokens.filter((t) => t.source === 'typed'));
      let mass = 0;
      for (const v of terms.values()) mass += v;
      return { terms, mass, contrasts: n.contrasts(tokens) };
    };
    this.info = records.map((r) => {
      const info: RecordInfo = {
        record: r,
        name: phrase(r.name),
        aliases: (r.aliases ?? []).map(phrase).filter((p) => p.mass > 0),
        questions: (r.sampleQuestions ?? []).map(phrase).filter((p) => p.mass > 0),
        core: new Set(),
        contrasts: new Set(),
      };
      for (const p of [info.name, ...info.aliases, ...info.questions]) {
        for (const t of p.terms.keys()) if (!t.includes(' ')) info.core.add(t);
      }
      // Sample questions tell stories ("người nhà mất thì…"); what the procedure is about is its name and aliases.
      for (const p of [info.name, ...info.aliases]) for (const c of p.contrasts) info.contrasts.add(c);
      for (const t of asQuestion(r.summary ?? '')) info.core.add(t.folded);
      return info;
    });
  }

  get size(): number {
    return this.info.length;
  }

  /** Folded unigrams and adjacent bigrams of tokens, weighted by IDF (and the tokens' own weights). */
  private termsOf(tokens: readonly Token[]): Map<string, number> {
    const terms = new Map<string, number>();
    const put = (term: string, w: number): void => {
      if (w > (terms.get(term) ?? 0)) terms.set(term, w);
    };
    tokens.forEach((t, k) => {
      if (this.index.has(t.folded)) put(t.folded, this.index.idf(t.folded) * t.weight);
      const next = tokens[k + 1];
      if (next && next.position === t.position + 1) {
        const bigram = `${t.folded} ${next.folded}`;
        if (this.index.has(bigram)) put(bigram, this.index.idf(bigram) * Math.min(t.weight, next.weight));
      }
    });
    return terms;
  }

  /**
   * Tokens the index knows, with typos repaired; how many typed tokens stay unknown. In a question typed
   * with diacritics, a syllable no record spells that way ("sính") is half a word the index does not know.
   */
  private resolveTokens(tokens: Token[], accented: boolean): { known: Token[]; unknown: number } {
    const known: Token[] = [];
    let unknown = 0;
    for (const t of tokens) {
      if (this.index.has(t.folded)) {
        if (accented && t.source === 'typed' && t.accented !== t.folded && !this.index.hasSpelling(t.folded, t.accented)) {
          known.push({ ...t, weight: t.weight * ACCENT_MISMATCH });
          unknown += 0.5;
        } else known.push(t);
        continue;
      }
      const fix = t.source === 'typed' ? this.typos.repair(t.folded) : undefined;
      if (fix) {
        known.push({ ...t, folded: fix.term, accented: fix.term, weight: t.weight * REPAIR_WEIGHT * fix.similarity });
      } else if (t.source === 'typed') unknown++;
    }
    return { known, unknown };
  }

  match(q: string, options: { explain?: boolean } = {}): MatchResult {
    const start = performance.now();
    const norm = this.normaliser.query(q);
    const facets = detectFacets(norm.folded);
    const { known, unknown } = this.resolveTokens(norm.tokens, norm.accented);
    const result: MatchResult = {
      q,
      decision: 'none',
      aspect: facets.facet,
      aspects: facets.all,
      results: [],
      confidence: 0,
      nameEvidence: 0,
      tookMs: 0,
    };
    // Numbers alone ("1", "2024") name no procedure.
    if (known.every((t) => /^\d+$/.test(t.folded)) || this.info.length === 0) {
      result.tookMs = performance.now() - start;
      return result;
    }

    // 1. BM25F over unigrams (accent-aware) and bigrams of adjacent tokens.
    const scores = new Float64Array(this.info.length);
    const seen = new Set<string>();
    for (const t of known) {
      const key = `${t.folded}|${norm.accented ? t.accented : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const accentCounts = norm.accented && t.source === 'typed' && t.accented !== t.folded;
      this.index.accumulate(scores, t.folded, t.weight, accentCounts ? t.accented : undefined, ACCENT_MISMATCH);
    }
    for (let i = 0; i + 1 < known.length; i++) {
      const a = known[i]!;
      const b = known[i + 1]!;
      if (b.position !== a.position + 1) continue;
      const bigram = `${a.folded} ${b.folded}`;
      if (seen.has(bigram)) continue;
      seen.add(bigram);
      this.index.accumulate(scores, bigram, BIGRAM_WEIGHT * Math.min(a.weight, b.weight));
    }
    const top = topK(scores, RERANK_DEPTH);
    if (top.length === 0) {
      result.tookMs = performance.now() - start;
      return result;
    }

    // 2. Rerank with features.
    const question = questionTerms(this.termsOf(known), unknown, Math.log(1 + this.info.length), this.normaliser.contrasts(norm.tokens));
    let bestBm25 = 0;
    for (const i of top) bestBm25 = Math.max(bestBm25, scores[i]!);
    const ranked = top
      .map((i) => {
        const info = this.info[i]!;
        const f = candidateFeatures(question, info, scores[i]! / bestBm25, info.record.origin === 'curated');
        return { i, f, final: rankScore(f, this.curatedBoost) };
      })
      .sort((a, b) => b.final - a.final);

    // 3. Decide.
    const best = ranked[0]!;
    const d = decide(ranked);
    result.decision = d.decision;
    result.confidence = round(d.confidence);
    result.nameEvidence = round(Math.max(best.f.name, best.f.alias));
    if (d.clarifyCount !== undefined) result.clarifyCount = Math.min(d.clarifyCount, ranked.length);
    result.results = ranked.slice(0, RESULT_COUNT).map((r) => ({
      code: this.info[r.i]!.record.code,
      name: this.info[r.i]!.record.name,
      score: round(r.final / best.final),
    }));
    if (options.explain) {
      result.features = ranked.map((r) => ({
        code: this.info[r.i]!.record.code,
        final: round(r.final),
        ...Object.fromEntries(Object.entries(r.f).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])),
      })) as MatchResult['features'];
    }
    result.tookMs = performance.now() - start;
    return result;
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Indices of the k highest positive scores, best first. */
function topK(scores: Float64Array, k: number): number[] {
  const heap: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (s <= 0) continue;
    if (heap.length < k) {
      heap.push(i);
      if (heap.length === k) heap.sort((a, b) => scores[a]! - scores[b]!);
    } else if (s > scores[heap[0]!]!) {
      heap[0] = i;
      for (let j = 0; j + 1 < heap.length && scores[heap[j]!]! > scores[heap[j + 1]!]!; j++) {
        [heap[j], heap[j + 1]] = [heap[j + 1]!, heap[j]!];
      }
    }
  }
  return heap.sort((a, b) => scores[b]! - scores[a]!);
}
