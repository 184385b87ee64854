import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDictionaries, loadKnowledge, loadRecords } from '../../src/knowledge/load.js';
import { overlayRecord } from '../../src/knowledge/overlay.js';
import { procedureRecord, type ProcedureRecord } from '../../src/knowledge/schema.js';

const base = {
  code: '1.000001',
  name: 'Thủ tục thử',
  origin: 'imported',
  source: { decision: '1/QĐ-BTP', importedAt: '2026-01-02' },
};

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('record schema', () => {
  it('reports the exact path of a bad nested field', () => {
    const r = procedureRecord.safeParse({
      ...base,
      channels: [{ type: 'direct', fees: [{ amount: 0 }, { amount: -5 }] }, { type: 'fax' }],
      cases: [{ documents: [{ name: '' }] }],
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('channels.0.fees.1.amount');
    expect(paths).toContain('channels.1.type');
    expect(paths).toContain('cases.0.documents.0.name');
  });

  it('rejects unknown fields, a channel given twice, and a curated record without a review date', () => {
    const r = procedureRecord.safeParse({
      ...base,
      origin: 'curated',
      fee: 1,
      channels: [{ type: 'online' }, { type: 'online' }],
    });
    const messages = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages.some((m) => m.startsWith(': ') && m.includes('fee'))).toBe(true);
    expect(messages).toContain('channels.1.type: kênh online xuất hiện hai lần');
    expect(messages).toContain('source.reviewedAt: bản ghi biên soạn phải có ngày rà soát');
  });

  it('keeps optional fields absent rather than filling them', () => {
    const r = procedureRecord.parse(base);
    expect(Object.keys(r).sort()).toEqual(['code', 'name', 'origin', 'source']);
  });
});

describe('loadRecords', () => {
  it('reports file, field path and problem for each bad file and keeps the good ones', () => {
    const dir = dirWith({
      'a.yaml': `code: "1.000001"\nname: Thủ tục A\norigin: imported\nsource: {decision: 1/QĐ, importedAt: "2026-01-01"}\n`,
      'b.yaml': `code: "1.000002"\nname: Thủ tục B\norigin: imported\nsource: {decision: 1/QĐ, importedAt: "2026-01-01"}\nchannels:\n  - type: direct\n    time: {value: -1, unit: working-days}\n`,
      'c.yaml': 'code: "1.000003"\nname: [unclosed\n',
      'd.json': JSON.stringify({ ...base, code: '1.000001' }),
      'nested/e.json': JSON.stringify({ ...base, code: '1.000005' }),
      '_report.json': '{"not": "a record"}',
    });
    const r = loadRecords(dir);
    expect(r.records.map((x) => x.code).sort()).toEqual(['1.000001', '1.000005']);
    const issues = r.issues.map((i) => ({ ...i, file: i.file.split('/').pop() }));
    expect(issues).toContainEqual({ file: 'b.yaml', path: 'channels[0].time.value', message: expect.stringContaining('>=0') });
    expect(issues.find((i) => i.file === 'c.yaml')?.message).toMatch(/^YAML không hợp lệ \(dòng \d+, cột \d+\)/);
    expect(issues).toContainEqual({ file: 'd.json', path: 'code', message: expect.stringContaining('trùng với tệp') });
    expect(r.files).toBe(5);
  });

  it('reports a missing directory instead of throwing', () => {
    expect(loadRecords('/nonexistent/knowledge').issues[0]!.message).toBe('thư mục không tồn tại');
  });
});

describe('dictionaries', () => {
  it('loads expansion maps, synonyms and stopwords, and reports a bad entry by path', () => {
    const dir = dirWith({
      'dictionaries/abbreviations.yaml': 'CCCD: căn cước công dân\nko: [không]\n',
      'dictionaries/synonyms.yaml': '- canonical: đăng ký thường trú\n  variants: [nhập hộ khẩu]\n- canonical: x\n  variants: []\n',
    });
    const { dictionaries, issues } = loadDictionaries(dir);
    expect(dictionaries.abbreviations.get('cccd')).toEqual(['căn cước công dân']);
    expect(issues.map((i) => i.path)).toEqual(['[1].variants']);
  });
});

describe('overlay of curated over imported records', () => {
  const imported = procedureRecord.parse({
    ...base,
    field: 'Hộ tịch',
    agency: { implementing: 'UBND cấp xã', address: 'Số 1' },
    aliases: ['a'],
    channels: [{ type: 'direct', fees: [{ amount: 0 }] }],
  });
  const curated = procedureRecord.parse({
    code: '1.000001',
    name: 'Thủ tục thử (biên soạn)',
    agency: { address: 'Trung tâm Phục vụ hành chính công' },
    aliases: ['b', 'c'],
    source: { decision: '1/QĐ-BTP', reviewedAt: '2026-11-01' },
  });

  it('lets every curated field win, merges nested objects, and keeps the rest', () => {
    const r: ProcedureRecord = overlayRecord(imported, curated);
    expect(r.name).toBe('Thủ tục thử (biên soạn)');
    expect(r.field).toBe('Hộ tịch');
    expect(r.agency).toEqual({ implementing: 'UBND cấp xã', address: 'Trung tâm Phục vụ hành chính công' });
    expect(r.aliases).toEqual(['b', 'c']);
    expect(r.channels).toEqual(imported.channels);
    expect(r.source).toEqual({ decision: '1/QĐ-BTP', importedAt: '2026-01-02', reviewedAt: '2026-11-01' });
    expect(r.origin).toBe('curated');
    expect(procedureRecord.safeParse(r).success).toBe(true);
  });

  it('loadKnowledge merges an extra directory under the shipped one', () => {
    const shipped = dirWith({ 'p/a.json': JSON.stringify(curated) });
    const extra = dirWith({
      'a.json': JSON.stringify(imported),
      'b.json': JSON.stringify({ ...base, code: '1.000002', name: 'Khác' }),
    });
    const { knowledge, issues } = loadKnowledge({ shippedDir: shipped, extraDir: extra });
    expect(issues).toEqual([]);
    expect(knowledge.records).toHaveLength(2);
    expect(knowledge.byCode.get('1.000001')!.field).toBe('Hộ tịch');
    expect(knowledge.byCode.get('1.000001')!.name).toBe('Thủ tục thử (biên soạn)');
  });
});
