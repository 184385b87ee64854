/**
 * Does a curated record agree with the national record for its code? Curated records rewrite the long
 * texts, but their facts must be the national ones: the same channels with the same times and fees, the
 * same decision, levels and legal-basis numbers, and documents taken from the national list (a curated
 * document name may shorten a national row, never add to it) with the same quantities, none left out.
 */
import type { DocumentItem, ProcedureRecord, ProcedureRecordInput } from './schema.js';

/** Compare document names without case, punctuation or spacing differences. */
export function documentKey(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[“”"'‘’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function feeKey(f: { amount: number; currency?: string }): string {
  return `${f.amount} ${f.currency ?? 'VND'}`;
}

function timeKey(t: { value?: number; unit?: string } | undefined): string {
  if (!t || t.value === undefined) return 'không ghi';
  return `${t.value} ${t.unit ?? '(không đơn vị)'}`;
}

interface NationalDoc {
  key: string;
  doc: DocumentItem | { name: string; originals: 0; copies?: undefined };
  counted: boolean;
}

function nationalDocuments(national: ProcedureRecordInput): NationalDoc[] {
  const out: NationalDoc[] = [];
  for (const c of national.cases ?? []) {
    for (const d of c.documents) {
      const counted = (d.originals ?? 0) > 0 || (d.copies ?? 0) > 0;
      out.push({ key: documentKey(d.name), doc: { ...d, requirement: d.requirement ?? 'required' }, counted });
    }
    for (const n of c.notes ?? []) out.push({ key: documentKey(n), doc: { name: n, originals: 0 }, counted: false });
  }
  return out;
}

export function compareWithNational(shipped: ProcedureRecord, national: ProcedureRecordInput): string[] {
  const out: string[] = [];
  if (shipped.code !== national.code) out.push(`mã khác nhau: ${shipped.code} / ${national.code}`);
  if (national.source.decision !== undefined && shipped.source.decision !== national.source.decision) {
    out.push(`quyết định công bố: ${shipped.source.decision ?? '(không có)'} ≠ ${national.source.decision}`);
  }
  const lv = (l: readonly string[] | undefined): string => [...(l ?? [])].sort().join(',');
  if (lv(shipped.levels) !== lv(national.levels)) out.push(`cấp thực hiện: ${lv(shipped.levels)} ≠ ${lv(national.levels)}`);

  // Channels: the same set, each with the same time and the same fees.
  const shippedTypes = (shipped.channels ?? []).map((c) => c.type).sort().join(',');
  const nationalTypes = (national.channels ?? []).map((c) => c.type).sort().join(',');
  if (shippedTypes !== nationalTypes) out.push(`kênh nộp: ${shippedTypes} ≠ ${nationalTypes}`);
  for (const n of national.channels ?? []) {
    const s = shipped.channels?.find((c) => c.type === n.type);
    if (!s) continue;
    if (timeKey(s.time) !== timeKey(n.time)) out.push(`thời hạn (${n.type}): ${timeKey(s.time)} ≠ ${timeKey(n.time)}`);
    const sf = (s.fees ?? []).map(feeKey).sort().join(' + ') || 'không ghi';
    const nf = (n.fees ?? []).map(feeKey).sort().join(' + ') || 'không ghi';
    if (sf !== nf) out.push(`phí (${n.type}): ${sf} ≠ ${nf}`);
  }

  // Documents: each curated document is (part of) a national row with the same quantities…
  const nDocs = nationalDocuments(national);
  const matched = new Set<NationalDoc>();
  for (const c of shipped.cases ?? []) {
    for (const d of c.documents) {
      const key = documentKey(d.name);
      const hits = nDocs.filter((n) => n.key.includes(key));
      if (hits.length === 0) {
        out.push(`giấy tờ không có trong hồ sơ quốc gia: "${d.name}"`);
        continue;
      }
      const same = hits.filter(
        (n) => (n.doc.originals ?? 0) === (d.originals ?? 0) && (n.doc.copies ?? 0) === (d.copies ?? 0),
      );
      if (same.length === 0) {
        const h = hits[0]!.doc;
        out.push(
          `số lượng của "${d.name}": ${d.originals ?? 0} bản chính, ${d.copies ?? 0} bản sao ≠ ` +
            `${h.originals ?? 0} bản chính, ${h.copies ?? 0} bản sao`,
        );
      }
      for (const h of same.length > 0 ? same : hits) matched.add(h);
    }
  }
  // …and no national document with a quantity is left out.
  for (const n of nDocs) {
    if (n.counted && !matched.has(n)) out.push(`thiếu giấy tờ của hồ sơ quốc gia: "${n.doc.name.slice(0, 120)}"`);
  }

  // Legal basis: curated numbers come from the national list.
  const nNumbers = new Set((national.legalBasis ?? []).map((l) => l.number).filter((x): x is string => !!x));
  for (const l of shipped.legalBasis ?? []) {
    if (l.number !== undefined && !nNumbers.has(l.number)) out.push(`căn cứ pháp lý không có trong hồ sơ quốc gia: ${l.number}`);
  }
  return out;
}
