/**
 * npm run kb:agree -- --national <portal file.jsonl[.gz]> [--knowledge DIR] [--codes a,b,…]
 * Compares curated records with the national records of the same codes (converted by the importer) and
 * prints every disagreement: fees, times, channels, documents and their quantities, decision, levels.
 */
import { loadRecords, SHIPPED_KNOWLEDGE_DIR } from '../knowledge/load.js';
import { compareWithNational } from '../knowledge/agreement.js';
import { importPortalData } from '../knowledge/import/importer.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCommandLine, stringOption, usage } from './args.js';

const HELP = `Cách dùng: npm run kb:agree -- --national <tệp dữ liệu cổng quốc gia> [--knowledge <thư mục>] [--codes mã,mã]`;

async function main(): Promise<void> {
  const args = parseCommandLine(HELP, { values: ['national', 'knowledge', 'codes'] });
  const nationalFile = stringOption(args, 'national');
  if (!nationalFile) usage('Thiếu --national.', HELP);
  const dir = stringOption(args, 'knowledge') ?? SHIPPED_KNOWLEDGE_DIR;
  const only = stringOption(args, 'codes')?.split(',').map((c) => c.trim());
  const curated = loadRecords(dir);
  const tmp = mkdtempSync(join(tmpdir(), 'kb-agree-'));
  try {
    await importPortalData({ input: nationalFile, outDir: tmp });
    const national = new Map(loadRecords(tmp).records.map((r) => [r.code, r]));
    let bad = 0;
    for (const issue of curated.issues) process.stdout.write(`${issue.file}: ${issue.path}: ${issue.message}\n`);
    for (const r of curated.records) {
      if (only && !only.includes(r.code)) continue;
      const n = national.get(r.code);
      const diffs = n ? compareWithNational(r, n) : ['không có bản ghi quốc gia với mã này'];
      if (diffs.length > 0) bad++;
      for (const d of diffs) process.stdout.write(`${r.code}: ${d}\n`);
    }
    process.stdout.write(`${bad} bản ghi chưa khớp.\n`);
    process.exitCode = bad > 0 || curated.issues.length > 0 ? 1 : 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

void main();
