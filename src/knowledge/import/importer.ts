/**
 * Import national-portal data (the scraped flat format or the portal's JSON API format; JSON Lines or
 * JSON, optionally gzipped) into record files of our schema. Every record is accounted for: fully parsed,
 * partly parsed (written, with the reasons) or failed (not written, with the reason).
 */
import { createReadStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { gunzipSync, createGunzip } from 'node:zlib';
import { formatPath } from '../issues.js';
import { procedureRecord } from '../schema.js';
import { apiPortalRecord, convertApiRecord } from './api-record.js';
import type { ConversionResult } from './conversion.js';
import { convertFlatRecord, flatPortalRecord } from './flat-record.js';

export interface ImportEntry {
  /** Where the object was in the input: line number for JSON Lines, index for a JSON array. */
  at: string;
  code?: string;
  reasons: string[];
}

export interface ImportSummary {
  records: number;
  fullyParsed: number;
  partlyParsed: ImportEntry[];
  failed: ImportEntry[];
  written: number;
  millis: number;
}

export interface ImportOptions {
  input: string;
  outDir: string;
  /** Date stamped as `source.importedAt` (YYYY-MM-DD); default today. */
  importedAt?: string;
  /** Called every `progressEvery` records. */
  onProgress?: (done: number) => void;
  progressEvery?: number;
}

type Converted = { ok: true; result: ConversionResult } | { ok: false; code?: string; reasons: string[] };

/** Convert one input object of either format. */
export function convertPortalObject(obj: unknown, importedAt: string): Converted {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    return { ok: false, reasons: ['không phải là một đối tượng JSON'] };
  }
  const o = obj as Record<string, unknown>;
  const codeHint = typeof o.ma_thu_tuc === 'string' ? o.ma_thu_tuc : typeof o.code === 'string' ? o.code : undefined;
  const base = codeHint !== undefined ? { code: codeHint } : {};
  if ('ma_thu_tuc' in o) {
    const parsed = flatPortalRecord.safeParse(o);
    if (!parsed.success) {
      return { ok: false, ...base, reasons: parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`) };
    }
    return { ok: true, result: convertFlatRecord(parsed.data, importedAt) };
  }
  if ('code' in o) {
    const parsed = apiPortalRecord.safeParse(o);
    if (!parsed.success) {
      return { ok: false, ...base, reasons: parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`) };
    }
    return { ok: true, result: convertApiRecord(parsed.data, importedAt) };
  }
  return { ok: false, ...base, reasons: ['không nhận ra định dạng (cần ma_thu_tuc hoặc code)'] };
}

/** The objects of a JSON document: an array, an object wrapping one (`data`, `items`, `records`, `result`), or one object. */
function objectsOfJson(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  if (typeof doc === 'object' && doc !== null) {
    for (const key of ['data', 'items', 'records', 'result']) {
      const v = (doc as Record<string, unknown>)[key];
      if (Array.isArray(v)) return v;
    }
  }
  return [doc];
}

async function* inputObjects(input: string): AsyncGenerator<{ at: string; value?: unknown; error?: string }> {
  const gz = input.endsWith('.gz');
  const base = gz ? input.slice(0, -3) : input;
  if (base.endsWith('.json')) {
    const buf = readFileSync(input);
    const text = (gz ? gunzipSync(buf) : buf).toString('utf8');
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      yield { at: 'tệp', error: `JSON không hợp lệ: ${(err as Error).message}` };
      return;
    }
    let i = 0;
    for (const value of objectsOfJson(doc)) yield { at: `phần tử ${i++}`, value };
    return;
  }
  const stream = gz ? createReadStream(input).pipe(createGunzip()) : createReadStream(input);
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    try {
      yield { at: `dòng ${n}`, value: JSON.parse(line) };
    } catch (err) {
      yield { at: `dòng ${n}`, error: `JSON không hợp lệ: ${(err as Error).message}` };
    }
  }
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function recordFileName(code: string): string {
  return `${code.replace(/[^0-9A-Za-z.]/g, '_')}.json`;
}

export async function importPortalData(options: ImportOptions): Promise<ImportSummary> {
  const start = performance.now();
  const importedAt = options.importedAt ?? today();
  const every = options.progressEvery ?? 250;
  mkdirSync(options.outDir, { recursive: true });
  const summary: ImportSummary = { records: 0, fullyParsed: 0, partlyParsed: [], failed: [], written: 0, millis: 0 };
  const seen = new Set<string>();
  for await (const item of inputObjects(options.input)) {
    summary.records++;
    if (options.onProgress && summary.records % every === 0) options.onProgress(summary.records);
    if (item.error !== undefined) {
      summary.failed.push({ at: item.at, reasons: [item.error] });
      continue;
    }
    const converted = convertPortalObject(item.value, importedAt);
    if (!converted.ok) {
      summary.failed.push({ at: item.at, ...(converted.code ? { code: converted.code } : {}), reasons: converted.reasons });
      continue;
    }
    const { result } = converted;
    const valid = procedureRecord.safeParse(result.record);
    if (!valid.success) {
      summary.failed.push({
        at: item.at,
        code: result.code,
        reasons: valid.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`),
      });
      continue;
    }
    if (seen.has(result.code)) {
      summary.failed.push({ at: item.at, code: result.code, reasons: ['mã thủ tục trùng với một bản ghi trước đó'] });
      continue;
    }
    seen.add(result.code);
    writeFileSync(join(options.outDir, recordFileName(result.code)), `${JSON.stringify(result.record, null, 1)}\n`);
    summary.written++;
    if (result.problems.length === 0) summary.fullyParsed++;
    else summary.partlyParsed.push({ at: item.at, code: result.code, reasons: result.problems });
  }
  summary.millis = performance.now() - start;
  writeFileSync(
    join(options.outDir, '_import-report.json'),
    `${JSON.stringify({ input: options.input, importedAt, ...summary }, null, 1)}\n`,
  );
  return summary;
}
