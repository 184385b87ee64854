/**
 * Features of one candidate record for one question, and the ranking score built from them.
 * Terms are folded syllables and adjacent syllable pairs, weighted by IDF.
 */

/** A name, alias or sample question as weighted terms. */
export interface Phrase {
  terms: Map<string, number>;
  mass: number;
  /** Kinds of variant it says (contrast groups: cấp lại, lưu động…). */
  contrasts: ReadonlySet<string>;
}

export interface QuestionTerms {
  terms: Map<string, number>;
  /** Weight of all its terms, and of its unigrams alone (unknown syllables included): see `questionTerms`. */
  mass: { all: number; unigrams: number };
  /** Typed syllables the index does not know (content it cannot explain). */
  unknown: number;
  /** Weight of one unknown syllable: as rare as a word can be in this index. */
  unknownIdf: number;
  /** Kinds of variant the question says (contrast groups). */
  contrasts: ReadonlySet<string>;
}

export interface CandidateFeatures {
  /** BM25F relative to the best retrieved candidate (0..1). */
  bm25: number;
  /** F-measure of the question against the official name. */
  name: number;
  /** Share of the official name found in the question. */
  namePrecision: number;
  /** Best F-measure against one alias. */
  alias: number;
  /** Best share of one alias found in the question. */
  aliasPrecision: number;
  /** Best F-measure against one sample question. */
  question: number;
  /** Share of the question's content explained by the record's name, aliases, questions and summary. */
  explained: number;
  /** Share of the question's content the index does not know at all. */
  unknownShare: number;
  /**
   * Kinds of variant that disagree (0, 1 or 2): the name or alias the question matches best says one the
   * question does not; the question says one that the record's name and aliases never do.
   */
  contrast: number;
  curated: boolean;
}

interface CandidateInfo {
  name: Phrase;
  aliases: readonly Phrase[];
  questions: readonly Phrase[];
  core: ReadonlySet<string>;
  /** Every kind of variant its name and aliases say. */
  contrasts: ReadonlySet<string>;
}

function sharesAny(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** A question's terms with their mass, computed once for all the candidates it is compared with. */
export function questionTerms(terms: Map<string, number>, unknown: number, unknownIdf: number, contrasts: ReadonlySet<string>): QuestionTerms {
  let all = unknown * unknownIdf;
  let unigrams = all;
  for (const [t, v] of terms) {
    all += v;
    if (!t.includes(' ')) unigrams += v;
  }
  return { terms, mass: { all, unigrams }, unknown, unknownIdf, contrasts };
}

/** Precision (share of the phrase in the question) and F-measure with recall (share of the question in the phrase). */
function agreement(q: QuestionTerms, qMass: number, p: Phrase): { precision: number; f: number } {
  let shared = 0;
  for (const [t, v] of p.terms) {
    const qv = q.terms.get(t);
    if (qv !== undefined) shared += Math.min(v, qv);
  }
  if (shared === 0 || p.mass === 0 || qMass === 0) return { precision: 0, f: 0 };
  const precision = shared / p.mass;
  const recall = Math.min(1, shared / qMass);
  return { precision, f: (2 * precision * recall) / (precision + recall) };
}

export function candidateFeatures(q: QuestionTerms, info: CandidateInfo, bm25: number, curated: boolean): CandidateFeatures {
  const mass = q.mass;
  const name = agreement(q, mass.all, info.name);
  let alias = 0;
  let aliasPrecision = 0;
  let closest = info.name;
  let closestF = name.f;
  for (const p of info.aliases) {
    const a = agreement(q, mass.all, p);
    alias = Math.max(alias, a.f);
    aliasPrecision = Math.max(aliasPrecision, a.precision);
    if (a.f > closestF) {
      closest = p;
      closestF = a.f;
    }
  }
  const unsaid = closest.contrasts.size > 0 && !sharesAny(closest.contrasts, q.contrasts) ? 1 : 0;
  const foreign = q.contrasts.size > 0 && !sharesAny(q.contrasts, info.contrasts) ? 1 : 0;
  let question = 0;
  for (const p of info.questions) question = Math.max(question, agreement(q, mass.all, p).f);
  let explained = 0;
  for (const [t, v] of q.terms) if (!t.includes(' ') && info.core.has(t)) explained += v;
  return {
    bm25,
    name: name.f,
    namePrecision: name.precision,
    alias,
    aliasPrecision,
    question,
    explained: mass.unigrams > 0 ? explained / mass.unigrams : 0,
    unknownShare: mass.unigrams > 0 ? (q.unknown * q.unknownIdf) / mass.unigrams : 0,
    contrast: unsaid + foreign,
    curated,
  };
}

/**
 * Ranking weights, fitted with `npm run calibrate` on our own question set; `contrast` was set by hand
 * (the fitted value, 1.4 with the others refitted, cost abstention on the development questions).
 */
export const RANK_WEIGHTS = {
  bm25: 2.9,
  name: 0.25,
  namePrecision: 0.2,
  alias: 1.9,
  aliasPrecision: 0.35,
  question: 2.9,
  explained: 2.5,
  contrast: 1,
};

export function rankScore(f: CandidateFeatures, curatedBoost: number, w = RANK_WEIGHTS): number {
  const s =
    w.bm25 * f.bm25 +
    w.name * f.name +
    w.namePrecision * f.namePrecision +
    w.alias * f.alias +
    w.aliasPrecision * f.aliasPrecision +
    w.question * f.question +
    w.explained * f.explained -
    w.contrast * f.contrast;
  return f.curated ? s * (1 + curatedBoost) : s;
}
