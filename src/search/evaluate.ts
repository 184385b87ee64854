/**
 * Evaluation of the matcher on labelled questions (JSON Lines: {q, codes, aspect, style}).
 * `codes: []` means nothing in the knowledge base answers it: the right decision is not `answer`.
 */
import { z } from 'zod';
import { FACETS } from './facets.js';
import type { Matcher, MatchResult } from './matcher.js';

export const evalQuestion = z.object({
  q: z.string(),
  codes: z.array(z.string()),
  aspect: z.enum(FACETS).optional(),
  style: z.string().optional(),
});
export type EvalQuestion = z.infer<typeof evalQuestion>;

export interface Rates {
  n: number;
  /** Questions with codes. */
  answerable: number;
  top1: number;
  top3: number;
  /** `answer` with a wrong code (or for a question nothing answers), over all questions. */
  confidentWrong: number;
  clarify: number;
  /** Questions nothing answers for which the decision was not `answer`. */
  abstained: number;
  unanswerable: number;
  aspect: number;
  aspectLabelled: number;
}

export interface Miss {
  q: string;
  codes: string[];
  style?: string;
  aspect?: string;
  decision: string;
  detectedAspect: string;
  got: string[];
  kind: 'confident-wrong' | 'not-top1' | 'not-top3' | 'aspect';
}

export interface EvalReport {
  overall: Rates;
  byStyle: Record<string, Rates>;
  byAspect: Record<string, Rates>;
  misses: Miss[];
  meanMs: number;
  p99Ms: number;
}

function emptyRates(): Rates {
  return { n: 0, answerable: 0, top1: 0, top3: 0, confidentWrong: 0, clarify: 0, abstained: 0, unanswerable: 0, aspect: 0, aspectLabelled: 0 };
}

function add(r: Rates, q: EvalQuestion, m: MatchResult): void {
  r.n++;
  const codes = new Set(q.codes);
  const got = m.results.map((x) => x.code);
  const right1 = got[0] !== undefined && codes.has(got[0]);
  if (q.codes.length > 0) {
    r.answerable++;
    if (right1) r.top1++;
    if (got.slice(0, 3).some((c) => codes.has(c))) r.top3++;
  } else {
    r.unanswerable++;
    if (m.decision !== 'answer') r.abstained++;
  }
  if (m.decision === 'answer' && !right1) r.confidentWrong++;
  if (m.decision === 'clarify') r.clarify++;
  // The facet matters only for questions something answers.
  if (q.aspect !== undefined && q.codes.length > 0) {
    r.aspectLabelled++;
    if (q.aspect === m.aspect) r.aspect++;
  }
}

export function evaluate(matcher: Matcher, questions: readonly EvalQuestion[]): EvalReport {
  const overall = emptyRates();
  const byStyle: Record<string, Rates> = {};
  const byAspect: Record<string, Rates> = {};
  const misses: Miss[] = [];
  const times: number[] = [];
  for (const q of questions) {
    const m = matcher.match(q.q);
    times.push(m.tookMs);
    add(overall, q, m);
    add((byStyle[q.style ?? '-'] ??= emptyRates()), q, m);
    add((byAspect[q.aspect ?? '-'] ??= emptyRates()), q, m);
    const got = m.results.slice(0, 3).map((x) => x.code);
    const codes = new Set(q.codes);
    const right1 = got[0] !== undefined && codes.has(got[0]);
    let kind: Miss['kind'] | undefined;
    if (m.decision === 'answer' && !right1) kind = 'confident-wrong';
    else if (q.codes.length > 0 && !got.some((c) => codes.has(c))) kind = 'not-top3';
    else if (q.codes.length > 0 && !right1) kind = 'not-top1';
    else if (q.aspect !== undefined && q.codes.length > 0 && q.aspect !== m.aspect) kind = 'aspect';
    if (kind) {
      const miss: Miss = { q: q.q, codes: q.codes, decision: m.decision, detectedAspect: m.aspect, got, kind };
      if (q.style !== undefined) miss.style = q.style;
      if (q.aspect !== undefined) miss.aspect = q.aspect;
      misses.push(miss);
    }
  }
  times.sort((a, b) => a - b);
  const meanMs = times.reduce((a, b) => a + b, 0) / Math.max(1, times.length);
  const p99Ms = times[Math.min(times.length - 1, Math.floor(times.length * 0.99))] ?? 0;
  return { overall, byStyle, byAspect, misses, meanMs, p99Ms };
}

export function pct(num: number, den: number): string {
  return den === 0 ? '—' : `${((100 * num) / den).toFixed(1)}%`;
}
