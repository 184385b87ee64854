/**
 * What a message means in the conversation: a question about a (new) procedure, a follow-up about the
 * procedure being discussed ("thế lệ phí bao nhiêu?"), or nothing the bot can place. The matcher decides
 * which procedure a question is about; this only weighs its decision against the conversation's context.
 */
import type { Facet } from '../search/facets.js';
import type { MatchResult } from '../search/matcher.js';

export type Understanding =
  | { kind: 'follow-up'; code: string; facet: Facet }
  /** A facet asked with no procedure named and none being discussed ("nộp online được không?"). */
  | { kind: 'which-procedure'; facet: Facet }
  | { kind: 'answer'; code: string; facet: Facet }
  | { kind: 'clarify'; codes: string[]; facet: Facet }
  | { kind: 'none'; facet: Facet };

/** Below this confidence, a facet question is taken as a follow-up rather than a question about another procedure. */
const SWITCH_CONFIDENCE = 0.6;
/** Agreement with a name or alias from which a question is taken to name a procedure of its own. */
const NAMES_A_PROCEDURE = 0.5;

export function understand(match: MatchResult, currentCode: string | undefined): Understanding {
  const facet = match.aspect;
  const top = match.results[0]?.code;
  if (currentCode !== undefined && facet !== 'general') {
    if (match.decision === 'answer' && top !== currentCode) return { kind: 'answer', code: top!, facet };
    const count = match.clarifyCount ?? 0;
    const amongCandidates = match.results.slice(0, Math.max(count, 1)).some((r) => r.code === currentCode);
    const namesAnother = match.nameEvidence >= NAMES_A_PROCEDURE && match.confidence >= SWITCH_CONFIDENCE;
    if (match.decision === 'answer' || amongCandidates || !namesAnother || match.decision === 'none') {
      return { kind: 'follow-up', code: currentCode, facet };
    }
  }
  if (match.decision === 'answer' && top) return { kind: 'answer', code: top, facet };
  if (currentCode === undefined && facet !== 'general' && match.confidence < SWITCH_CONFIDENCE) {
    return { kind: 'which-procedure', facet };
  }
  if (match.decision === 'clarify') {
    const n = Math.max(2, Math.min(4, match.clarifyCount ?? 3));
    return { kind: 'clarify', codes: match.results.slice(0, n).map((r) => r.code), facet };
  }
  return { kind: 'none', facet };
}
