/**
 * Parse the flattened "Căn cứ pháp lý" table (`Tên văn bản pháp lýMã văn bản` then `<title><number>` rows
 * run together) and the "Kết quả xử lý" block (`<name>Mã: KQ…Từ khóa…Mô tả…`).
 */
import type { LegalBasis } from '../schema.js';
import { cleanLine, meaningful } from './text.js';

export const LEGAL_TABLE_HEADER = 'Tên văn bản pháp lýMã văn bản';

/**
 * A document number: `85/2019/TT-BTC`, `60/2014/QH13`, `66.7/2025/NQ-CP`, `4472/QĐ-BTC`, `09/VBHN-BTP`,
 * `08.a/2010/TT-BTP`. The number may follow a year written without a space ("năm 201102/2011/QH13") or a
 * law number whose legislature digits run into it ("QH1360/2014/QH13" is "…QH13" then "60/2014/QH13").
 * Its letters are matched lazily up to where the next title seems to start; a number cut short that way
 * ("TT-BC" before "Angày…", the text's lost space) is then completed to a known issuer and re-checked.
 */
const NUMBER =
  /(?:(?<!\d)(?<!QH)|(?<=(?:19|20)\d\d)|(?<=QH\d\d))(\d{1,4}(?:\.\d+)?(?:\.?[a-z])?\/(?:\d{4}\/[\p{Lu}Đ][\p{Lu}Đ0-9]*?(?:-[\p{Lu}Đ0-9]+?)*|\d{4}|[\p{Lu}Đ][\p{Lu}Đ0-9]*?(?:-[\p{Lu}Đ0-9]+?)*))(?=$|\s*\p{Lu}\p{Ll}|\s*\p{Lu}{3,}\s+\p{Lu}{2,})/gu;

/** A number ends a row where the next title starts: a capitalised word, words in capitals, or the end. */
const NEXT_TITLE = /^(?:$|\s*\p{Lu}\p{Ll}|\s*\p{Lu}{2,}\s+\p{Lu})/u;

/** Issuers' codes that end document numbers; a number cut short ("TT-BC" before "Angày…") is completed to one. */
const ISSUERS = new Set([
  'CP', 'TTg', 'QH', 'UBTVQH', 'VPCP', 'TTCP', 'BCA', 'BTC', 'BTP', 'BXD', 'BYT', 'BCT', 'BQP', 'BNV', 'BNG', 'BGDĐT',
  'BLĐTBXH', 'BNNPTNT', 'BNNMT', 'BTNMT', 'BKHĐT', 'BGTVT', 'BTTTT', 'BVHTTDL', 'BKHCN', 'NHNN', 'TANDTC', 'VKSNDTC',
  'BHXH', 'KTNN', 'UBND', 'HĐND', 'BTNMT', 'BKH', 'BNN', 'BTM', 'BGD', 'TLĐ', 'MTTQ', 'UBTƯMTTQVN',
]);

/** How many characters after `end` complete the number's last segment to a known issuer (0 if none). */
function issuerExtension(s: string, number: string, end: number): number {
  const last = number.split(/[-/]/).pop() ?? '';
  let best = 0;
  for (let k = 1; k <= 8 && end + k <= s.length; k++) {
    const ext = s.slice(end, end + k);
    if (!/^[\p{Lu}Đg]+$/u.test(ext)) break;
    if (ISSUERS.has(last + ext)) best = k;
  }
  return best;
}

/**
 * How many trailing characters of a number belong to the next title instead: "NĐ-CPLUẬT" (a title in
 * capitals run into the number) is "NĐ-CP" then "LUẬT…".
 */
function titleRunIn(number: string): number {
  const last = number.split(/[-/]/).pop() ?? '';
  if (ISSUERS.has(last) || /\d/.test(last)) return 0;
  for (let k = last.length - 2; k >= 2; k--) {
    if (ISSUERS.has(last.slice(0, k))) return last.length - k;
  }
  return 0;
}

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
  for (const m of s.matchAll(NUMBER)) {
    if (m.index! < last) continue;
    let number = m[1]!;
    let end = m.index! + m[0].length;
    const ext = issuerExtension(s, number, end);
    if (ext > 0) {
      number += s.slice(end, end + ext);
      end += ext;
    }
    const runIn = titleRunIn(number);
    if (runIn > 0) {
      number = number.slice(0, -runIn);
      end -= runIn;
    }
    // Only a number followed by the next title closes a row; others are cited inside a title.
    if (!NEXT_TITLE.test(s.slice(end, end + 40))) continue;
    let title = cleanLine(s.slice(last, m.index));
    last = end;
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
