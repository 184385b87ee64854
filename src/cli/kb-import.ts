/**
 * npm run kb:import -- <file.jsonl|file.json>[.gz] --out <dir> [--date YYYY-MM-DD] [--show N]
 */
import { existsSync } from 'node:fs';
import { importPortalData, type ImportEntry } from '../knowledge/import/importer.js';
import { parseCommandLine, stringOption, usage } from './args.js';

const HELP = `Cách dùng: npm run kb:import -- <tệp.jsonl|tệp.json>[.gz] --out <thư mục> [--date YYYY-MM-DD] [--show N]
  Chuyển dữ liệu Cổng Dịch vụ công quốc gia (định dạng phẳng đã cào, hoặc định dạng JSON API) thành bản ghi.
  --show N   in tối đa N bản ghi đọc được một phần (mặc định: tất cả); danh sách đầy đủ ở <thư mục>/_import-report.json`;

function printEntries(title: string, entries: ImportEntry[], limit: number): void {
  if (entries.length === 0) return;
  process.stdout.write(`\n${title} (${entries.length}):\n`);
  for (const e of entries.slice(0, limit)) {
    process.stdout.write(`  ${e.code ?? '(không mã)'} [${e.at}]: ${e.reasons.join('; ')}\n`);
  }
  if (entries.length > limit) process.stdout.write(`  … và ${entries.length - limit} bản ghi khác (xem _import-report.json)\n`);
}

async function main(): Promise<void> {
  const args = parseCommandLine(HELP, { values: ['out', 'date', 'show'] });
  const input = args.positional[0];
  const outDir = stringOption(args, 'out');
  if (!input || !outDir) usage('Thiếu tệp đầu vào hoặc --out.', HELP);
  if (!existsSync(input)) usage(`Không thấy tệp ${input}.`, HELP);
  const date = stringOption(args, 'date');
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) usage('--date phải có dạng YYYY-MM-DD.', HELP);
  const show = Number(stringOption(args, 'show') ?? Infinity);
  const tty = process.stderr.isTTY;
  const summary = await importPortalData({
    input,
    outDir,
    ...(date ? { importedAt: date } : {}),
    progressEvery: 250,
    onProgress: (n) => process.stderr.write(tty ? `\rĐã xử lý ${n} bản ghi…` : `Đã xử lý ${n} bản ghi…\n`),
  });
  if (tty) process.stderr.write('\n');
  printEntries('Đọc được một phần', summary.partlyParsed, show);
  printEntries('Không nhập được', summary.failed, Infinity);
  const pct = summary.records === 0 ? 0 : (100 * summary.fullyParsed) / summary.records;
  process.stdout.write(
    `\nTổng kết: ${summary.records} bản ghi — đọc đầy đủ ${summary.fullyParsed} (${pct.toFixed(1)}%), ` +
      `một phần ${summary.partlyParsed.length}, lỗi ${summary.failed.length}; đã ghi ${summary.written} tệp vào ${outDir} ` +
      `trong ${(summary.millis / 1000).toFixed(1)} s.\n`,
  );
  process.exitCode = summary.failed.length > 0 && summary.written === 0 ? 1 : 0;
}

void main();
