/** kb:check and kb:import as real processes. */
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecords, SHIPPED_KNOWLEDGE_DIR } from '../../src/knowledge/load.js';
import { runCli } from '../support/cli.js';
import { describeWithShared, RAW_PORTAL_FILE } from '../support/shared.js';

describe('kb:check', () => {
  it('passes on the shipped knowledge', async () => {
    const r = await runCli('src/cli/kb-check.ts', []);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Không có lỗi');
    expect(r.code).toBe(0);
  });

  it('fails on a broken copy with file, field path and problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-broken-'));
    cpSync(SHIPPED_KNOWLEDGE_DIR, dir, { recursive: true });
    const file = join(dir, 'procedures', '1.001193.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(join(dir, 'procedures', 'copy.yaml'), original.replace('1.001193', '1.001193'));
    writeFileSync(join(dir, 'procedures', 'zz-broken.yaml'), original.replace('amount: 0', 'amount: -1000').replace('"1.001193"', '"9.999999"'));
    const r = await runCli('src/cli/kb-check.ts', ['--shipped', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/procedures\/zz-broken\.yaml: channels\[0\]\.fees\[0\]\.amount: .*>=0/);
    expect(r.stderr).toMatch(/procedures\/copy\.yaml: code: mã 1\.001193 trùng với tệp/);
  });

  it('prints its help on --help and refuses an option it does not know, naming it', async () => {
    const help = await runCli('src/cli/kb-check.ts', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Cách dùng: npm run kb:check');
    const typo = await runCli('src/cli/kb-check.ts', ['--knowldge', 'x']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('không có tùy chọn --knowldge');
    const missing = await runCli('src/cli/kb-check.ts', ['--knowledge']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('thiếu giá trị cho --knowledge');
  });
});

describe('kb:import of the portal JSON API format', () => {
  it('converts what it can, lists every record it could not fully parse, and fails none silently', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kb-api-'));
    const r = await runCli('src/cli/kb-import.ts', ['test/fixtures/portal-api-sample.json', '--out', out, '--date', '2026-11-23']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tổng kết: 3 bản ghi — đọc đầy đủ 0 (0.0%), một phần 1, lỗi 2');
    expect(r.stdout).toMatch(/1\.000894 \[phần tử 0\]: POSTAL: không đọc được mức phí "không rõ"/);
    expect(r.stdout).toMatch(/1\.000895 \[phần tử 1\]: name: /);
    expect(r.stdout).toMatch(/\(không mã\) \[phần tử 2\]: không phải là một đối tượng JSON/);
    const rec = JSON.parse(readFileSync(join(out, '1.000894.json'), 'utf8'));
    expect(rec.channels).toEqual([
      {
        type: 'online',
        onlineLevel: 'full',
        time: { value: 5, unit: 'working-days' },
        fees: [{ amount: 0, currency: 'VND', description: 'Lệ phí: Miễn lệ phí' }],
      },
      { type: 'direct', time: { value: 8, unit: 'hours' } },
      { type: 'postal' },
    ]);
    expect(rec.cases[0].documents[1]).toEqual({ name: 'Văn bản ủy quyền', originals: 1, copies: 0, requirement: 'conditional' });
    expect(rec.legalBasis).toEqual([{ number: '60/2014/QH13', title: 'Luật Hộ tịch' }]);
    expect(rec.levels).toEqual(['commune']);
    expect(rec.source).toEqual({ importedAt: '2026-11-23', decision: '163/QĐ-BTP' });
  });
});

describeWithShared('kb:import of the whole national reference file', () => {
  it('imports all 2,642 records without a crash, ≥95% fully parsed, and the result passes kb:check', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kb-national-'));
    const r = await runCli('src/cli/kb-import.ts', [RAW_PORTAL_FILE, '--out', out, '--show', '0']);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, '_import-report.json'), 'utf8')) as {
      records: number;
      fullyParsed: number;
      partlyParsed: Array<{ code: string; reasons: string[] }>;
      failed: unknown[];
    };
    expect(report.records).toBe(2642);
    expect(report.failed).toEqual([]);
    expect(report.fullyParsed / report.records).toBeGreaterThanOrEqual(0.95);
    expect(report.fullyParsed + report.partlyParsed.length).toBe(2642);
    for (const p of report.partlyParsed) expect(p.reasons.length).toBeGreaterThan(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.json') && !f.startsWith('_'))).toHaveLength(2642);
    // Every channel of a fully parsed record has its time and fee read (or stated as not given).
    const loaded = loadRecords(out);
    expect(loaded.issues).toEqual([]);
    const check = await runCli('src/cli/kb-check.ts', ['--knowledge', out]);
    expect(check.code, check.stderr).toBe(0);
  });
});
