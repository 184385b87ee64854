/**
 * Parse the flattened "Căn cứ pháp lý" table (`Tên văn bản pháp lýMã văn bản` then `<title><number>` rows
 * run together) and the "Kết quả xử lý" block (`<name>Mã: KQ…Từ khóa…Mô tả…`).
 */
import type { LegalBasis } from '../schema.js';
import { cleanLine, meaningful } from './text.js';

export const LEGAL_TABLE_HEADER = 'Tên văn bản pháp lýMã văn bản';

/**
 * A document number: `85/2019/TT-BTC`, `60/2014/QH13`, `66.7/2025/NQ-CP`, `4472/QĐ-BTC`, `09/VBHN-BTP`.
 * It closes a row when the next title starts right after it (a capitalised word) or the text ends. The
 * number may follow a year written without a space ("năm 201102/2011/QH13") or a law number whose
 * legislature digits run into it ("QH1360/2014/QH13" is "…QH13" then "60/2014/QH13").
 */
const ROW_END =
  /(?:(?<!\d)(?<!QH)|(?<=(?:19|20)\d\d)|(?<=QH\d\d))(\d{1,4}(?:\.\d+)?\/(?:\d{4}\/[\p{Lu}Đ][\p{Lu}Đ0-9]*?(?:-[\p{Lu}Đ0-9]+?)*|\d{4}|[\p{Lu}Đ][\p{Lu}Đ0-9]*?(?:-[\p{Lu}Đ0-9]+?)*))(?=$|\s*\p{Lu}\p{Ll}|\s*(?:LUẬT|NGHỊ|THÔNG TƯ|QUYẾT ĐỊNH|PHÁP LỆNH))/gu;

export interface LegalParse {
  items: LegalBasis[];
  problems: string[];
}

const TRAILING_KIND = /\s*(?:Thông tư|Nghị định|Quyết định|Luật|Nghị quyết|Pháp lệnh|Văn bản hợp nhất)(?: số)?\s*$/;

export function parseFlatLegal(raw: string): LegalParse {
  const problems: string[] = [];
  let s = cleanLine(raw);
  if (!meaningful(s)) return { items: [], problems };
  if (s.startsWith(LEGAL_TABLE_HEADER)) s = s.slice(LEGAL_TABLE_HEADER.length);
  const items: LegalBasis[] = [];
  let last = 0;
  for (const m of s.matchAll(ROW_END)) {
    let title = cleanLine(s.slice(last, m.index));
    last = m.index! + m[0].length;
    const number = m[1]!;
    // The number column sometimes repeats a kind: "…Bộ Tư phápThông tư số 03/2023/TT-BTP".
    title = title.replace(TRAILING_KIND, '').trim();
    if (title === '') title = number;
    items.push({ number, title });
  }
  const rest = cleanLine(s.slice(last));
  if (rest !== '') {
    if (items.length === 0) problems.push(`không đọc được số hiệu văn bản trong "${rest.slice(0, 80)}"`);
    else items.push({ title: rest });
  }
  return { items, problems };
}

export interface ResultItem {
  name: string;
  code?: string;
}

export function parseFlatResults(raw: string): ResultItem[] {
  let s = cleanLine(raw);
  const cut = s.indexOf('Chọn cơ quan thực hiện');
  if (cut !== -1) s = s.slice(0, cut);
  const out: ResultItem[] = [];
  const re = /(.*?)Mã: ?(KQ[\w.]*)Từ khóa.*?Mô tả(?:Không có thông tin)?/gsu;
  let last = 0;
  for (const m of s.matchAll(re)) {
    last = m.index! + m[0].length;
    const name = meaningful(m[1]);
    if (name) out.push({ name, code: m[2]! });
  }
  const rest = meaningful(s.slice(last));
  if (rest && out.length === 0) out.push({ name: rest });
  return out;
}
