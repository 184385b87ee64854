/**
 * From the ranked candidates to a decision. The confidence is a logistic model of "the first candidate is
 * right" over a few features, fitted with `npm run calibrate` on our own labelled questions (questions
 * nothing answers count as "not right"). Thresholds favour clarifying over a confident wrong answer.
 */
import type { CandidateFeatures } from './features.js';

export type Decision = 'answer' | 'clarify' | 'none';

/**
 * Logistic weights over: bias, agreement with the name or an alias, agreement with a sample question,
 * explained share of the question, relative margin over the second candidate, unknown share.
 */
export const CONFIDENCE_WEIGHTS = {
  bias: -2.82,
  nameOrAlias: 2.24,
  question: 3.52,
  explained: 1.75,
  margin: 2.58,
  unknown: 0.46,
};

/** The confidence model's inputs, in CONFIDENCE_WEIGHTS order after the bias. */
export function confidenceInputs(f: CandidateFeatures, margin: number): number[] {
  return [Math.max(f.name, f.alias), f.question, f.explained, margin, f.unknownShare];
}

/** Answer at or above this confidence. */
export const ANSWER_FROM = 0.87;
/** Below this, nothing fits (no clarifying question either). */
export const NONE_BELOW = 0.45;
/** A clarifying question needs at least this agreement of the question with a name, alias or sample question. */
export const CLARIFY_MIN_AGREEMENT = 0.3;
/**
 * An alias this much contained in the question names the procedure plainly, however long the question
 * around it: clarify rather than say nothing fits ("Bà em mới mất, xã có cử người xuống làm khai tử tại
 * nhà không?" contains "khai tử tại nhà" but agrees little with it as a whole).
 */
export const NAMED_IN_QUESTION = 0.7;
/** Candidates within this share of the best are offered when clarifying. */
const CLOSE_RATIO = 0.85;
/** A rival within this share of the best's score (and agreeing as well on the kind of variant) means no answer. */
export const RIVAL_RATIO = 0.9;

export interface DecisionOutcome {
  decision: Decision;
  confidence: number;
  clarifyCount?: number;
}

export function confidenceOf(f: CandidateFeatures, margin: number, w = CONFIDENCE_WEIGHTS): number {
  const [nameOrAlias, question, explained, m, unknown] = confidenceInputs(f, margin) as [number, number, number, number, number];
  const z = w.bias + w.nameOrAlias * nameOrAlias + w.question * question + w.explained * explained + w.margin * m + w.unknown * unknown;
  return 1 / (1 + Math.exp(-z));
}

/** A ranked candidate: its features and its ranking score. */
export interface RankedCandidate {
  f: CandidateFeatures;
  final: number;
}

/**
 * Decide from the ranked candidates (best first). Answer when one procedure clearly wins: the confidence
 * is high and no rival is close to it (within RIVAL_RATIO of its score without disagreeing more on the kind
 * of variant: "làm giấy khai sinh cho con" is not close to the foreign-element variant it does not name).
 */
export function decide(ranked: readonly RankedCandidate[]): DecisionOutcome {
  const best = ranked[0]!;
  const bestScore = best.final;
  const secondScore = ranked[1]?.final ?? 0;
  const margin = bestScore > 0 ? (bestScore - secondScore) / bestScore : 0;
  const confidence = confidenceOf(best.f, margin);
  const rival = ranked.slice(1).some((r) => r.final >= bestScore * RIVAL_RATIO && r.f.contrast <= best.f.contrast);
  if (confidence >= ANSWER_FROM && !rival) return { decision: 'answer', confidence };
  const named = best.f.aliasPrecision >= NAMED_IN_QUESTION;
  if (confidence < NONE_BELOW && !named) return { decision: 'none', confidence };
  if (Math.max(best.f.name, best.f.alias, best.f.question) < CLARIFY_MIN_AGREEMENT && !named) return { decision: 'none', confidence };
  const close = ranked.filter((r) => r.final >= bestScore * CLOSE_RATIO).length;
  return { decision: 'clarify', confidence, clarifyCount: Math.min(4, Math.max(2, close)) };
}
