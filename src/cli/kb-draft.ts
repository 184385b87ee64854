/**
 * npm run kb:draft -- --from <imported dir> --codes <code,code,…|file.tsv> --out <dir>
 * Writes a YAML draft of a curated record for each code, from imported records: the facts as imported,
 * `origin: curated` and no review date, so `kb:check` fails until an editor has rewritten the long texts,
 * added aliases and questions, checked the facts against the source and set `source.reviewedAt`.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadRecords } from '../knowledge/load.js';
import type { ProcedureRecord } from '../knowledge/schema.js';
import { parseCommandLine, stringOption, usage } from './args.js';

const HELP = `Cách dùng: npm run kb:draft -- --from <thư mục bản ghi đã nhập> --codes <mã,mã,…|tệp.tsv> --out <thư mục> [--force]`;

const FIELD_ORDER: Array<keyof ProcedureRecord> = [
  'code', 'name', 'origin', 'field', 'levels', 'agency', 'subjects', 'summary', 'aliases', 'sampleQuestions',
  'channels', 'cases', 'requirements', 'steps', 'results', 'legalBasis', 'related', 'source',
];

function readCodes(spec: string): string[] {
  if (existsSync(spec)) {
    return readFileSync(spec, 'utf8')
      .split('\n')
      .map((l) => l.split('\t')[0]!.trim())
      .filter((c) => /^\d\.\d{6}/.test(c));
  }
  return spec.split(',').map((c) => c.trim()).filter(Boolean);
}

function main(): void {
  const args = parseCommandLine(HELP, { flags: ['force'], values: ['from', 'codes', 'out'] });
  const from = stringOption(args, 'from');
  const codesSpec = stringOption(args, 'codes');
  const out = stringOption(args, 'out');
  if (!from || !codesSpec || !out) usage('Thiếu --from, --codes hoặc --out.', HELP);
  const { records } = loadRecords(from);
  const byCode = new Map(records.map((r) => [r.code, r]));
  mkdirSync(out, { recursive: true });
  let written = 0;
  for (const code of readCodes(codesSpec)) {
    const r = byCode.get(code);
    if (!r) {
      process.stderr.write(`${code}: không có trong ${from}\n`);
      continue;
    }
    const file = join(out, `${code}.yaml`);
    if (existsSync(file) && !args.options.has('force')) {
      process.stderr.write(`${code}: ${file} đã có, bỏ qua (dùng --force để ghi đè)\n`);
      continue;
    }
    const draft: Record<string, unknown> = {};
    for (const key of FIELD_ORDER) if (r[key] !== undefined) draft[key] = r[key];
    draft.origin = 'curated';
    const { importedAt: _imported, ...source } = r.source;
    draft.source = source;
    writeFileSync(file, stringify(draft, { lineWidth: 0 }));
    written++;
  }
  process.stdout.write(`Đã ghi ${written} bản nháp vào ${out}.\n`);
}

main();
