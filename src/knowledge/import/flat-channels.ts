/**
 * Parse the national portal's "Cách thức thực hiện" table after scraping flattened it into run-together
 * text, e.g.
 *   `Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến7 Ngày làm việc10,000 Việt Nam Đồng(…)Trực tiếp…`
 * Each row is: channel name, processing time (number + unit, a bare number, "Không có thông tin" or a
 * short phrase), one or more fees (amount + currency, "Miễn phí" or "Không có thông tin"), each with an
 * optional parenthesised description, then the row's free description up to the next row.
 */
import type { Channel, ChannelType, Fee, ProcessingTime, TimeUnit } from '../schema.js';
import { TIME_UNIT_LABELS } from '../labels.js';
import { cleanText, closingParen, meaningful, parseAmount } from './text.js';

export const CHANNEL_TABLE_HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';

const CHANNEL_NAMES: ReadonlyArray<readonly [string, ChannelType]> = [
  ['Dịch vụ bưu chính', 'postal'],
  ['Trực tuyến', 'online'],
  ['Trực tiếp', 'direct'],
];

const UNITS: ReadonlyArray<readonly [string, TimeUnit]> = [
  ['Ngày làm việc', 'working-days'],
  ['Ngày', 'days'],
  ['Giờ', 'hours'],
  ['Tháng', 'months'],
  ['Năm', 'years'],
];

const NO_INFO = 'Không có thông tin';
const FREE = 'Miễn phí';
const CURRENCY = /^ ?(Việt Nam Đồng|VNĐ|VND|Đồng|đồng|USD)/;
const AMOUNT = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/;

export interface ChannelParse {
  channels: Channel[];
  /** Rows whose time or fee could not be read, with the reason. */
  problems: string[];
  /** Notes that do not stop a row from being parsed (e.g. time without unit). */
  warnings: string[];
}

interface FeeToken {
  kind: 'free' | 'none' | 'amount';
  amount?: number;
  currency?: 'VND' | 'USD';
  end: number;
}

function currencyOf(word: string): 'VND' | 'USD' {
  return word === 'USD' ? 'USD' : 'VND';
}

/** A fee token starting exactly at `pos`. */
function feeTokenAt(s: string, pos: number): FeeToken | undefined {
  if (s.startsWith(FREE, pos)) return { kind: 'free', end: pos + FREE.length };
  if (s.startsWith(NO_INFO, pos)) return { kind: 'none', end: pos + NO_INFO.length };
  const m = AMOUNT.exec(s.slice(pos, pos + 40));
  if (!m) return undefined;
  const c = CURRENCY.exec(s.slice(pos + m[0].length, pos + m[0].length + 20));
  if (!c) return undefined;
  const amount = parseAmount(m[1]!);
  if (amount === undefined) return undefined;
  return { kind: 'amount', amount, currency: currencyOf(c[1]!), end: pos + m[0].length + c[0].length };
}

interface Head {
  time?: ProcessingTime;
  /** Undefined: the source gives no fee information. */
  fees?: Fee[];
  end: number;
  warnings: string[];
  problems: string[];
}

/** Amounts written in a fee description, e.g. "20.000 vnđ" → 20000. */
function amountsIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\d{1,3}(?:[.,]\d{3})+|\d+/g)) {
    const n = Number(m[0].replace(/[.,]/g, ''));
    if (Number.isFinite(n)) out.push(n);
  }
  return out;
}

function readFees(s: string, start: number, limit: number): { fees?: Fee[]; end: number } | undefined {
  let pos = start;
  const fees: Fee[] = [];
  let sawNone = false;
  let any = false;
  for (;;) {
    const tok = feeTokenAt(s, pos);
    if (!tok) break;
    any = true;
    pos = tok.end;
    let description: string | undefined;
    if (s[pos] === '(') {
      const close = closingParen(s, pos);
      const end = close === -1 || close > limit ? limit : close;
      description = meaningful(s.slice(pos + 1, end).replace(/^\((.*)\)$/s, '$1'));
      pos = close === -1 || close > limit ? limit : close + 1;
    }
    if (tok.kind === 'none') {
      sawNone = true;
      continue;
    }
    const fee: Fee = { amount: tok.kind === 'free' ? 0 : tok.amount!, currency: tok.currency ?? 'VND' };
    if (description) fee.description = description;
    fees.push(fee);
  }
  if (!any) return undefined;
  if (fees.length === 0 && sawNone) return { end: pos };
  return { fees, end: pos };
}

/**
 * Read the time and fees of the row whose channel name ends at `pos`. Returns undefined when the text
 * there does not look like a table row (the channel name was part of a description).
 */
function readHead(s: string, pos: number, limit: number): Head | undefined {
  const warnings: string[] = [];
  const problems: string[] = [];
  const rest = s.slice(pos, Math.min(limit, pos + 200));

  // Number with a unit: "7 Ngày làm việc", "8 Giờ", "0.5 Ngày".
  const num = /^(\d+(?:[.,]\d+)?) ?/.exec(rest);
  if (num) {
    const after = num[0].length;
    for (const [label, unit] of UNITS) {
      if (rest.startsWith(label, after)) {
        const fees = readFees(s, pos + after + label.length, limit);
        if (!fees) return undefined;
        const value = Number(num[1]!.replace(',', '.'));
        return { time: { value, unit }, fees: fees.fees, end: fees.end, warnings, problems };
      }
    }
    // A bare number followed directly by a fee: "1Miễn phí", "5Không có thông tin".
    const digits = /^\d+/.exec(rest)![0];
    const direct = readFees(s, pos + digits.length, limit);
    if (direct && (s.startsWith(FREE, pos + digits.length) || s.startsWith(NO_INFO, pos + digits.length))) {
      warnings.push(`thời gian "${digits}" không ghi đơn vị`);
      return { time: { value: Number(digits) }, fees: direct.fees, end: direct.end, warnings, problems };
    }
    // Digits running into an amount: "120 VNĐ" may be time 1 + fee 20, or no time + fee 120.
    return splitTimeAndAmount(s, pos, limit);
  }

  if (rest.startsWith(NO_INFO)) {
    const fees = readFees(s, pos + NO_INFO.length, limit);
    if (fees) return { fees: fees.fees, end: fees.end, warnings, problems };
    return undefined;
  }

  // A fee right after the channel name: no time given.
  const feeFirst = readFees(s, pos, limit);
  if (feeFirst) {
    warnings.push('không có thời gian giải quyết');
    return { fees: feeFirst.fees, end: feeFirst.end, warnings, problems };
  }

  // A short phrase instead of a time: "Không phải trả kết quả cho người nộp thuếMiễn phí".
  const phrase = /^([\p{L} ,]{4,80}?)(?=Miễn phí|Không có thông tin|\d{1,3}(?:,\d{3})* ?(?:Việt Nam Đồng|VNĐ|USD))/u.exec(
    rest,
  );
  if (phrase && /^\p{Lu}/u.test(phrase[1]!)) {
    const fees = readFees(s, pos + phrase[1]!.length, limit);
    if (fees) {
      return { time: { note: phrase[1]!.trim() }, fees: fees.fees, end: fees.end, warnings, problems };
    }
  }
  return undefined;
}

function splitTimeAndAmount(s: string, pos: number, limit: number): Head | undefined {
  const m = /^(\d+)((?:,\d{3})*(?:\.\d+)?)/.exec(s.slice(pos, pos + 40));
  if (!m) return undefined;
  const whole = m[0];
  const candidates: Array<{ time: number; feeStart: number }> = [];
  for (let k = 1; k < m[1]!.length; k++) {
    const tok = feeTokenAt(s, pos + k);
    if (tok && tok.kind === 'amount') candidates.push({ time: Number(m[1]!.slice(0, k)), feeStart: pos + k });
  }
  const noTime = feeTokenAt(s, pos);
  if (candidates.length === 0 && !noTime) return undefined;
  // Use the fee description to choose: the amount written there should start with the fee's digits.
  const options: Array<{ time?: number; feeStart: number }> = [...candidates];
  if (noTime) options.push({ feeStart: pos });
  const scored = options.map((o) => {
    const fees = readFees(s, o.feeStart, limit);
    const fee = fees?.fees?.[0];
    const described = fee?.description ? amountsIn(fee.description) : [];
    const digits = fee ? String(fee.amount) : '';
    const agrees = described.some((a) => String(a) === digits || (String(a).startsWith(digits) && a % 1000 === 0));
    return { o, fees, agrees };
  });
  const agreeing = scored.filter((x) => x.agrees && x.fees);
  if (agreeing.length === 1) {
    const pick = agreeing[0]!;
    const head: Head = {
      fees: pick.fees!.fees,
      end: pick.fees!.end,
      warnings: [`"${whole}" tách thành thời gian ${pick.o.time ?? '(không có)'} và phí theo phần mô tả phí`],
      problems: [],
    };
    if (pick.o.time !== undefined) head.time = { value: pick.o.time };
    return head;
  }
  // Ambiguous: keep the row (so the description survives) but report it.
  const fallback = scored.find((x) => x.fees)!;
  return {
    end: fallback.fees!.end,
    warnings: [],
    problems: [`không tách được thời gian và phí trong "${whole}"`],
  };
}

interface RowStart {
  type: ChannelType;
  nameStart: number;
  head: Head;
}

/** Find the next table row at or after `from`. */
function nextRow(s: string, from: number): RowStart | undefined {
  let best: RowStart | undefined;
  for (const [label, type] of CHANNEL_NAMES) {
    let idx = s.indexOf(label, from);
    while (idx !== -1 && (best === undefined || idx < best.nameStart)) {
      const head = readHead(s, idx + label.length, s.length);
      if (head) {
        best = { type, nameStart: idx, head };
        break;
      }
      idx = s.indexOf(label, idx + 1);
    }
  }
  return best;
}

function timeLabel(t: ProcessingTime): string {
  if (t.value === undefined) return t.note ?? '';
  return t.unit ? `${t.value} ${TIME_UNIT_LABELS[t.unit]}` : String(t.value);
}

function mergeRow(existing: Channel, head: Head, description: string | undefined): void {
  for (const fee of head.fees ?? []) {
    const same = existing.fees?.some((f) => f.amount === fee.amount && f.currency === fee.currency && f.description === fee.description);
    if (same) continue;
    const withPlace = description && !fee.description ? { ...fee, description } : fee;
    existing.fees = [...(existing.fees ?? []), withPlace];
  }
  if (head.time && existing.time && timeLabel(head.time) !== timeLabel(existing.time)) {
    const other = `dòng khác ghi ${timeLabel(head.time)}`;
    existing.time = { ...existing.time, note: existing.time.note ? `${existing.time.note}; ${other}` : other };
  } else if (head.time && !existing.time) {
    existing.time = head.time;
  }
  if (description && description !== existing.description) {
    existing.description = existing.description ? `${existing.description} ${description}` : description;
  }
}

export function parseFlatChannels(raw: string): ChannelParse {
  const problems: string[] = [];
  const warnings: string[] = [];
  const channels: Channel[] = [];
  let s = cleanText(raw);
  if (s.startsWith(CHANNEL_TABLE_HEADER)) s = s.slice(CHANNEL_TABLE_HEADER.length);
  else if (s !== '') warnings.push('bảng cách thức thực hiện không có dòng tiêu đề quen thuộc');
  if (s.trim() === '') {
    problems.push('không có cách thức thực hiện');
    return { channels, problems, warnings };
  }
  let row = nextRow(s, 0);
  if (!row) {
    problems.push(`không đọc được dòng nào trong "${s.slice(0, 80)}…"`);
    return { channels, problems, warnings };
  }
  if (row.nameStart > 0 && meaningful(s.slice(0, row.nameStart))) {
    warnings.push(`bỏ qua phần đứng trước dòng đầu tiên: "${s.slice(0, Math.min(60, row.nameStart))}"`);
  }
  while (row) {
    const next = nextRow(s, row.head.end);
    const descEnd = next ? next.nameStart : s.length;
    const description = meaningful(s.slice(row.head.end, descEnd));
    const label = CHANNEL_NAMES.find(([, t]) => t === row!.type)![0];
    problems.push(...row.head.problems.map((p) => `${label}: ${p}`));
    warnings.push(...row.head.warnings.map((w) => `${label}: ${w}`));
    const existing = channels.find((c) => c.type === row!.type);
    if (existing) {
      // A second row for the same channel: another place or case with its own fee or time ("Tại cơ quan
      // đại diện: 10 USD/bản"). Its facts are kept with the first row's, none dropped.
      mergeRow(existing, row.head, description);
      warnings.push(`${label}: nhiều dòng cho cùng cách nộp, đã gộp`);
    } else {
      const c: Channel = { type: row.type };
      if (row.head.time) c.time = row.head.time;
      if (row.head.fees) c.fees = row.head.fees;
      if (description) c.description = description;
      channels.push(c);
    }
    row = next;
  }
  return { channels, problems, warnings };
}
