/**
 * npm run kb:check [-- --knowledge DIR]
 * Validates the shipped knowledge/ (records and dictionaries) and, with --knowledge, an extra directory
 * of records; prints every problem as `file: field.path: what is wrong` and exits non-zero if any.
 */
import { formatIssue } from '../knowledge/issues.js';
import { loadDictionaries, loadRecords, SHIPPED_KNOWLEDGE_DIR } from '../knowledge/load.js';
import { parseCommandLine, stringOption } from './args.js';

const HELP = `Cách dùng: npm run kb:check [-- --knowledge <thư mục>] [--shipped <thư mục>]
  Kiểm tra các bản ghi thủ tục và từ điển; in tệp, đường dẫn trường và lỗi; thoát với mã khác 0 nếu có lỗi.`;

function main(): void {
  const args = parseCommandLine(HELP, { values: ['knowledge', 'shipped'] });
  const started = performance.now();
  const shippedDir = stringOption(args, 'shipped') ?? SHIPPED_KNOWLEDGE_DIR;
  const extraDir = stringOption(args, 'knowledge');
  const shipped = loadRecords(shippedDir);
  const dict = loadDictionaries(shippedDir);
  const issues = [...shipped.issues, ...dict.issues];
  let lines = `${shippedDir}: ${shipped.records.length}/${shipped.files} bản ghi hợp lệ`;
  if (extraDir !== undefined) {
    const extra = loadRecords(extraDir);
    issues.push(...extra.issues);
    lines += `\n${extraDir}: ${extra.records.length}/${extra.files} bản ghi hợp lệ`;
  }
  for (const issue of issues) process.stderr.write(`${formatIssue(issue)}\n`);
  process.stdout.write(`${lines}\n`);
  const ms = performance.now() - started;
  if (issues.length > 0) {
    process.stdout.write(`Có ${issues.length} lỗi (${ms.toFixed(0)} ms).\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`Không có lỗi (${ms.toFixed(0)} ms).\n`);
  }
}

main();
