/**
 * npm run eval -- <file.jsonl> [--knowledge DIR] [--json] [--misses N]
 * Top-1 / top-3 accuracy over questions with codes, the confident-wrong rate (decision `answer` with a
 * wrong code, over all questions), the clarify rate, a breakdown by style and by aspect, and the misses.
 */
import { readFileSync } from 'node:fs';
import { formatPath } from '../knowledge/issues.js';
import { buildMatcher } from '../search/build.js';
import { evalQuestion, evaluate, pct, type EvalQuestion, type Rates } from '../search/evaluate.js';
import { parseCommandLine, stringOption, usage } from './args.js';
import { loadForCommand } from './knowledge-option.js';

const HELP = `Cách dùng: npm run eval -- <tệp.jsonl> [--knowledge <thư mục>] [--json] [--misses N]`;

function readQuestions(file: string): EvalQuestion[] {
  const out: EvalQuestion[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let data: unknown;
      try {
        data = JSON.parse(line);
      } catch (err) {
        throw new Error(`${file}:${i + 1}: JSON không hợp lệ: ${(err as Error).message}`);
      }
      const parsed = evalQuestion.safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`${file}:${i + 1}: ${formatPath(issue.path)}: ${issue.message}`);
      }
      out.push(parsed.data);
    });
  return out;
}

function row(name: string, r: Rates): string {
  return [
    name.padEnd(12),
    String(r.n).padStart(4),
    pct(r.top1, r.answerable).padStart(7),
    pct(r.top3, r.answerable).padStart(7),
    pct(r.confidentWrong, r.n).padStart(7),
    pct(r.clarify, r.n).padStart(7),
    pct(r.abstained, r.unanswerable).padStart(7),
    pct(r.aspect, r.aspectLabelled).padStart(7),
  ].join(' ');
}

function main(): void {
  const args = parseCommandLine(HELP, { flags: ['json'], values: ['knowledge', 'misses'] });
  const file = args.positional[0];
  if (!file) usage('Thiếu tệp câu hỏi.', HELP);
  let questions: EvalQuestion[];
  try {
    questions = readQuestions(file);
  } catch (err) {
    usage((err as Error).message, HELP);
  }
  const knowledge = loadForCommand(stringOption(args, 'knowledge'), args.options.has('json'));
  const buildStart = performance.now();
  const matcher = buildMatcher(knowledge);
  const buildMs = performance.now() - buildStart;
  const report = evaluate(matcher, questions);
  if (args.options.has('json')) {
    process.stdout.write(`${JSON.stringify({ records: matcher.size, buildMs, ...report })}\n`);
    return;
  }
  const head = `${'nhóm'.padEnd(12)} ${'số'.padStart(4)} ${'top-1'.padStart(7)} ${'top-3'.padStart(7)} ${'sai-tự-tin'.padStart(7)} ${'hỏi-lại'.padStart(7)} ${'từ-chối'.padStart(7)} ${'khía-cạnh'.padStart(7)}`;
  const out: string[] = [];
  out.push(`${questions.length} câu hỏi, ${matcher.size} thủ tục (dựng chỉ mục ${buildMs.toFixed(0)} ms); khớp trung bình ${report.meanMs.toFixed(2)} ms, p99 ${report.p99Ms.toFixed(2)} ms`);
  out.push('', head, row('tổng', report.overall), '', 'Theo kiểu viết:');
  for (const [k, r] of Object.entries(report.byStyle).sort()) out.push(row(k, r));
  out.push('', 'Theo khía cạnh:');
  for (const [k, r] of Object.entries(report.byAspect).sort()) out.push(row(k, r));
  out.push('', '(top-1, top-3: trên câu có mã; sai-tự-tin, hỏi-lại: trên mọi câu; từ-chối: trên câu không có mã, không trả lời là đúng)');
  const limit = Number(stringOption(args, 'misses') ?? Infinity);
  const misses = report.misses.filter((m) => m.kind !== 'aspect');
  out.push('', `Trượt (${misses.length}):`);
  for (const m of misses.slice(0, limit)) {
    out.push(`  [${m.kind}] ${m.decision} ${m.style ?? ''} "${m.q}" — cần ${m.codes.join('/') || '(không có)'}, được ${m.got.join(', ')}`);
  }
  const aspectMisses = report.misses.filter((m) => m.kind === 'aspect');
  out.push('', `Sai khía cạnh (${aspectMisses.length}):`);
  for (const m of aspectMisses.slice(0, limit)) out.push(`  ${m.aspect} → ${m.detectedAspect}: "${m.q}"`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
