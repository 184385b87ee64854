/**
 * npm run ask -- [--knowledge DIR] [--jsonl] "<question>"
 * Prints the matcher's decision. With --jsonl, reads one question per line from standard input and writes
 * one JSON object per line: {q, decision, aspect, results: [{code, name, score}], tookMs}.
 */
import { createInterface } from 'node:readline';
import { buildMatcher } from '../search/build.js';
import type { MatchResult } from '../search/matcher.js';
import { parseCommandLine, stringOption, usage } from './args.js';
import { loadForCommand } from './knowledge-option.js';

const HELP = `Cách dùng: npm run ask -- [--knowledge <thư mục>] [--jsonl] [--explain] "<câu hỏi>"
  --jsonl   đọc mỗi dòng một câu hỏi từ đầu vào chuẩn, ghi mỗi dòng một đối tượng JSON`;

function contract(r: MatchResult): Record<string, unknown> {
  return {
    q: r.q,
    decision: r.decision,
    aspect: r.aspect,
    results: r.results.map((x) => ({ code: x.code, name: x.name, score: x.score })),
    confidence: r.confidence,
    tookMs: Math.round(r.tookMs * 1000) / 1000,
  };
}

function human(r: MatchResult): string {
  const lines = [`Quyết định: ${r.decision} (độ tin cậy ${r.confidence.toFixed(2)}) — khía cạnh: ${r.aspect}`];
  r.results.slice(0, 5).forEach((x, i) => lines.push(`  ${i + 1}. ${x.code}  ${x.score.toFixed(3)}  ${x.name}`));
  lines.push(`(${r.tookMs.toFixed(2)} ms)`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = parseCommandLine(HELP, { flags: ['jsonl', 'explain'], values: ['knowledge'] });
  const jsonl = args.options.has('jsonl');
  const question = args.positional.join(' ');
  if (!jsonl && question.trim() === '') usage('Thiếu câu hỏi.', HELP);
  const matcher = buildMatcher(loadForCommand(stringOption(args, 'knowledge')));
  if (!jsonl) {
    const r = matcher.match(question, { explain: args.options.has('explain') });
    process.stdout.write(`${human(r)}\n`);
    if (r.features) {
      for (const f of r.features.slice(0, 8)) {
        const { code, final, ...rest } = f;
        const parts = Object.entries(rest).map(([k, v]) => `${k}=${String(v)}`);
        process.stdout.write(`  ${code}  final=${final}  ${parts.join('  ')}\n`);
      }
    }
    return;
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    process.stdout.write(`${JSON.stringify(contract(matcher.match(line)))}\n`);
  }
}

void main();
