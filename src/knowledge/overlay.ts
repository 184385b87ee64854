/**
 * Curated records win over imported ones with the same code, field by field: every field the curated
 * record has replaces the imported one; nested objects (agency, source) are merged the same way; lists
 * are replaced whole (a curated document list is a reviewed whole, not a patch).
 */
import type { ProcedureRecord } from './schema.js';

type Plain = Record<string, unknown>;

function isPlainObject(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergeObjects(base: Plain, over: Plain): Plain {
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeObjects(current, value) : value;
  }
  return out;
}

export function overlayRecord(imported: ProcedureRecord, curated: ProcedureRecord): ProcedureRecord {
  const merged = mergeObjects(imported as unknown as Plain, curated as unknown as Plain);
  // The merged record is curated: a person reviewed the fields that matter.
  return { ...(merged as unknown as ProcedureRecord), origin: 'curated' };
}

/** Merge `top` over `bottom` by code; records only in one of them are kept as they are. */
export function overlayAll(bottom: readonly ProcedureRecord[], top: readonly ProcedureRecord[]): ProcedureRecord[] {
  const byCode = new Map<string, ProcedureRecord>();
  for (const r of bottom) byCode.set(r.code, r);
  for (const r of top) {
    const under = byCode.get(r.code);
    byCode.set(r.code, under ? overlayRecord(under, r) : r);
  }
  return [...byCode.values()];
}
