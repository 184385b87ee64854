/** The national reference records of ../shared, converted by our importer, by code (read once per worker). */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { convertFlatRecord, flatPortalRecord } from '../../src/knowledge/import/flat-record.js';
import type { ConversionResult } from '../../src/knowledge/import/conversion.js';
import { DEFAULT_CODES_FILE, RAW_PORTAL_FILE } from './shared.js';

let cache: Map<string, ConversionResult> | undefined;

export function nationalRecords(): Map<string, ConversionResult> {
  if (cache) return cache;
  cache = new Map();
  const text = gunzipSync(readFileSync(RAW_PORTAL_FILE)).toString('utf8');
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const parsed = flatPortalRecord.parse(JSON.parse(line));
    cache.set(parsed.ma_thu_tuc, convertFlatRecord(parsed, '2000-01-01'));
  }
  return cache;
}

export function defaultCodes(): string[] {
  return readFileSync(DEFAULT_CODES_FILE, 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t')[0]!.trim())
    .filter((c) => c !== '');
}
