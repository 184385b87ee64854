/**
 * npm run calibrate -- --train <questions.jsonl> [--check <questions.jsonl>] [--knowledge DIR]
 * Fits the ranking weights (coordinate ascent on top-1 accuracy, ties broken by a pairwise margin) and
 * the confidence model (logistic regression of "the first candidate is right") on labelled questions,
 * prints the constants for src/search/features.ts and src/search/decision.ts, and reports both fits on a
 * second, held-out file. Fit on one set, check on another: never on the set you report.
 */
import { readFileSync } from 'node:fs';
import { buildMatcher } from '../search/build.js';
import { CONFIDENCE_WEIGHTS, confidenceInputs } from '../search/decision.js';
import { evalQuestion, type EvalQuestion } from '../search/evaluate.js';
import { RANK_WEIGHTS, rankScore, type CandidateFeatures } from '../search/features.js';
import type { Matcher } from '../search/matcher.js';
import { parseCommandLine, stringOption, usage } from './args.js';
import { loadForCommand } from './knowledge-option.js';

const HELP = 'Cách dùng: npm run calibrate -- --train <tệp.jsonl> [--check <tệp.jsonl>] [--knowledge <thư mục>]';

interface Sample {
  codes: Set<string>;
  candidates: Array<{ code: string; f: CandidateFeatures }>;
}

type RankW = typeof RANK_WEIGHTS;
type ConfW = typeof CONFIDENCE_WEIGHTS;

function read(file: string): EvalQuestion[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => evalQuestion.parse(JSON.parse(l)));
}

function samples(matcher: Matcher, questions: EvalQuestion[]): Sample[] {
  return questions.map((q) => {
    const r = matcher.match(q.q, { explain: true });
    return {
      codes: new Set(q.codes),
      candidates: (r.features ?? []).map(({ code, final: _final, ...f }) => ({ code, f: f as CandidateFeatures })),
    };
  });
}

function ranked(s: Sample, w: RankW): Array<{ code: string; f: CandidateFeatures; score: number }> {
  return s.candidates.map((c) => ({ ...c, score: rankScore(c.f, 0.03, w) })).sort((a, b) => b.score - a.score);
}

/** Top-1 accuracy plus a small reward for the margin of right answers (to break ties smoothly). */
function rankObjective(data: Sample[], w: RankW): { top1: number; objective: number } {
  let top1 = 0;
  let margin = 0;
  let n = 0;
  for (const s of data) {
    if (s.codes.size === 0 || !s.candidates.some((c) => s.codes.has(c.code))) continue;
    n++;
    const r = ranked(s, w);
    const right = r.find((c) => s.codes.has(c.code))!;
    const wrong = r.find((c) => !s.codes.has(c.code));
    if (s.codes.has(r[0]!.code)) top1++;
    if (wrong) margin += Math.max(-0.2, Math.min(0.2, right.score - wrong.score));
  }
  return { top1: top1 / Math.max(1, n), objective: top1 / Math.max(1, n) + (0.1 * margin) / Math.max(1, n) };
}

function fitRank(data: Sample[]): RankW {
  const w: RankW = { ...RANK_WEIGHTS };
  const keys = Object.keys(w) as Array<keyof RankW>;
  let best = rankObjective(data, w).objective;
  for (let pass = 0; pass < 6; pass++) {
    for (const k of keys) {
      for (const step of [0.2, 0.1, 0.05, -0.05, -0.1, -0.2]) {
        const trial = { ...w, [k]: Math.max(0, Math.round((w[k] + step) * 100) / 100) };
        const o = rankObjective(data, trial).objective;
        if (o > best + 1e-9) {
          best = o;
          Object.assign(w, trial);
        }
      }
    }
  }
  return w;
}

interface ConfSample {
  x: number[];
  y: number;
}

function confSamples(data: Sample[], w: RankW): ConfSample[] {
  return data
    .filter((s) => s.candidates.length > 0)
    .map((s) => {
      const r = ranked(s, w);
      const best = r[0]!;
      const margin = best.score > 0 ? (best.score - (r[1]?.score ?? 0)) / best.score : 0;
      return { x: [1, ...confidenceInputs(best.f, margin)], y: s.codes.has(best.code) ? 1 : 0 };
    });
}

function fitConfidence(data: ConfSample[]): ConfW {
  const keys = Object.keys(CONFIDENCE_WEIGHTS) as Array<keyof ConfW>;
  let theta = keys.map((k) => CONFIDENCE_WEIGHTS[k]);
  const lambda = 0.002;
  for (let it = 0; it < 60000; it++) {
    const grad = theta.map(() => 0);
    for (const s of data) {
      const z = s.x.reduce((a, x, i) => a + x * theta[i]!, 0);
      const p = 1 / (1 + Math.exp(-z));
      s.x.forEach((x, i) => (grad[i]! += (p - s.y) * x));
    }
    theta = theta.map((t, i) => t - 2 * (grad[i]! / data.length + (i === 0 ? 0 : lambda * t)));
  }
  return Object.fromEntries(keys.map((k, i) => [k, Math.round(theta[i]! * 100) / 100])) as ConfW;
}

function report(name: string, data: Sample[], rw: RankW, cw: ConfW): string {
  const { top1 } = rankObjective(data, rw);
  const cs = confSamples(data, rw);
  const lines = [`${name}: top-1 ${(100 * top1).toFixed(1)}%`];
  for (const threshold of [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9]) {
    let answered = 0;
    let wrong = 0;
    for (const s of cs) {
      const w = Object.values(cw);
      const p = 1 / (1 + Math.exp(-s.x.reduce((a, x, i) => a + x * w[i]!, 0)));
      if (p >= threshold) {
        answered++;
        if (s.y === 0) wrong++;
      }
    }
    lines.push(
      `  answer ≥ ${threshold}: answered ${((100 * answered) / data.length).toFixed(1)}%, confident-wrong ${((100 * wrong) / data.length).toFixed(1)}%`,
    );
  }
  return lines.join('\n');
}

function main(): void {
  const args = parseCommandLine(HELP, { values: ['train', 'check', 'knowledge'] });
  const train = stringOption(args, 'train');
  if (!train) usage('Thiếu --train.', HELP);
  const check = stringOption(args, 'check');
  const matcher = buildMatcher(loadForCommand(stringOption(args, 'knowledge'), true));
  const trainData = samples(matcher, read(train));
  const rw = fitRank(trainData);
  const cw = fitConfidence(confSamples(trainData, rw));
  const out = [
    `RANK_WEIGHTS = ${JSON.stringify(rw)}`,
    `CONFIDENCE_WEIGHTS = ${JSON.stringify(cw)}`,
    '',
    `current: ${report(train, trainData, RANK_WEIGHTS, CONFIDENCE_WEIGHTS)}`,
    `fitted:  ${report(train, trainData, rw, cw)}`,
  ];
  if (check) {
    const checkData = samples(matcher, read(check));
    out.push(`current: ${report(check, checkData, RANK_WEIGHTS, CONFIDENCE_WEIGHTS)}`);
    out.push(`fitted:  ${report(check, checkData, rw, cw)}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
