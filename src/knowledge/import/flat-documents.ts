/**
 * Parse the flattened "Thành phần hồ sơ" tables: `<case name>Tên giấy tờMẫu đơn, tờ khaiSố lượng` followed
 * by rows `<document name>[<form file>]<n> bản chính[,<m> bản sao]`, then possibly the next case name.
 */
import type { DocumentCase, DocumentItem } from '../schema.js';
import { cleanLine, meaningful, stripBullet } from './text.js';

export const DOCUMENT_TABLE_HEADER = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';

const COUNT = /(\d+) bản chính(?:,\s*(\d+) bản sao)?/g;
/** Longest form file name we split off a document name. */
const MAX_FORM_NAME = 70;
const FORM_FILE = /\.(?:docx?|xlsx?|pdf|rtf|odt|zip|rar)$/i;
const CONDITIONAL = /^(?:\(?trường hợp|\(?đối với|\(?nếu|\(?khi |\(?riêng)|\((?:nếu có|trường hợp|đối với)|trong trường hợp|nếu có\)/i;

/** How the name of a paper starts (a remark starts otherwise: "Trường hợp…", "Cá nhân có quyền…"). */
const DOCUMENT_NOUN =
  /^(?:tờ khai|phiếu|đơn|giấy|bản|văn bản|hộ chiếu|sổ|thẻ|biên bản|báo cáo|danh sách|quyết định|hợp đồng|chứng từ|chứng chỉ|chứng nhận|chứng thư|ảnh|hóa đơn|hoá đơn|công văn|tài liệu|bảng|trích lục|mẫu|dự thảo|kế hoạch|phương án|đề án|hồ sơ|bằng|căn cước|thông báo|tờ trình|sơ đồ|lý lịch|các giấy tờ|các tài liệu|01|02|một)/i;

const NOTHING_REQUIRED = /^(?:không quy định|không có|không)\.?$/i;

export interface DocumentParse {
  cases: DocumentCase[];
  problems: string[];
  warnings: string[];
}

/**
 * A count's digits run into the document name ("…ngày 24/07/20231 bản chính", "…điểm b mục 11 bản
 * chính"): counts are small, so a run of three or more digits keeps only its last digit as the count, and
 * so does a two-digit run after a date or a reference word (mục, điều, khoản, phụ lục, mẫu số…).
 */
const REFERENCE_WORD = /(?:^|\s)(?:mục|điều|khoản|điểm|phụ lục|mẫu|số|chương|bước|lần|tiết|phần)\s*$/i;

function splitCount(name: string, digits: string): { name: string; count: number } {
  const lastDigit = { name: name + digits.slice(0, -1), count: Number(digits.slice(-1)) };
  if (digits.length === 1) return { name, count: Number(digits) };
  if (digits.length >= 3) return lastDigit;
  if (digits[0] === '0') return { name, count: Number(digits) }; // "02 bản chính"
  if (/[\d/]$/.test(name) || REFERENCE_WORD.test(name) || Number(digits) > 20) return lastDigit;
  return { name, count: Number(digits) };
}

/** Split a trailing form file name off a document name: "…theo mẫuMẫu TP-LS-02.docx". */
function splitForm(raw: string): { name: string; form?: string; warning?: string } {
  if (!FORM_FILE.test(raw)) return { name: raw };
  // The form's file name starts where two words were run together without a space: after a lower-case
  // letter or a closing bracket followed by a capital or digit, or after punctuation. File names are short,
  // and can contain such joins themselves, so the earliest join in the last stretch before the extension wins.
  const ext = raw.search(FORM_FILE);
  const joins = [...raw.matchAll(/(?<=[\p{Ll})\];:,.])(?=[\p{Lu}\p{N}])/gu)]
    .map((m) => m.index!)
    .filter((j) => j > 0 && j < ext && ext - j <= MAX_FORM_NAME);
  const cut = joins[0];
  if (cut === undefined) {
    return { name: raw, warning: `không tách được tên mẫu đơn khỏi "${raw.slice(-60)}"` };
  }
  const name = raw.slice(0, cut).trim();
  const form = raw.slice(cut).trim();
  if (name.length < 3) return { name: raw, warning: `không tách được tên mẫu đơn khỏi "${raw.slice(-60)}"` };
  return { name, form };
}

function caseName(raw: string): string | undefined {
  const t = cleanLine(raw)
    .replace(/^[-*\s]+/, '')
    .replace(/[:\s]+$/, '')
    .trim();
  return meaningful(t) && !/^-*$/.test(t) ? t : undefined;
}

function parseRows(
  segment: string,
  remarksOnly: boolean,
  warnings: string[],
): { documents: DocumentItem[]; notes: string[]; tail: string } {
  const documents: DocumentItem[] = [];
  const notes: string[] = [];
  let last = 0;
  for (const m of segment.matchAll(COUNT)) {
    const before = segment.slice(last, m.index);
    const { name: rawName, count: originals } = splitCount(before, m[1]!);
    last = m.index! + m[0].length;
    const copies = m[2] !== undefined ? Number(m[2]) : undefined;
    const { name: withoutForm, form, warning } = splitForm(cleanLine(rawName));
    if (warning) warnings.push(warning);
    const name = stripBullet(withoutForm);
    if (name === '') {
      warnings.push('một dòng giấy tờ không có tên');
      continue;
    }
    if (originals === 0 && (copies ?? 0) === 0 && (remarksOnly || !DOCUMENT_NOUN.test(name))) {
      // No quantity and not named like a paper: a remark in the table, not something to bring.
      notes.push(name);
      continue;
    }
    const doc: DocumentItem = { name, originals, requirement: CONDITIONAL.test(name) ? 'conditional' : 'required' };
    if (copies !== undefined) doc.copies = copies;
    if (form) doc.form = { name: form };
    documents.push(doc);
  }
  return { documents, notes, tail: segment.slice(last) };
}

export function parseFlatDocuments(raw: string): DocumentParse {
  const problems: string[] = [];
  const warnings: string[] = [];
  const cases: DocumentCase[] = [];
  const s = cleanLine(raw);
  if (!meaningful(s) || /^-*$/.test(s)) {
    // The source lists nothing: there is nothing to parse, which is not a parsing failure.
    warnings.push('nguồn không liệt kê thành phần hồ sơ');
    return { cases, problems, warnings };
  }
  const parts = s.split(DOCUMENT_TABLE_HEADER);
  if (parts.length === 1) {
    problems.push('không thấy bảng thành phần hồ sơ');
    return { cases, problems, warnings };
  }
  let pendingName = caseName(parts[0]!);
  for (let i = 1; i < parts.length; i++) {
    const remarksOnly = pendingName !== undefined && /^lưu ý/i.test(pendingName);
    const { documents, notes, tail } = parseRows(parts[i]!, remarksOnly, warnings);
    const c: DocumentCase = { documents };
    if (pendingName) c.name = pendingName;
    if (notes.length > 0) c.notes = notes;
    if (documents.length > 0 || notes.length > 0) cases.push(c);
    // Text after the last count is the next table's case name (or leftovers at the very end).
    if (i < parts.length - 1) pendingName = caseName(tail);
    else if (meaningful(tail) && cleanLine(tail).length > 2) warnings.push(`phần thừa sau bảng cuối: "${cleanLine(tail).slice(0, 60)}"`);
  }
  const total = cases.reduce((n, c) => n + c.documents.length, 0);
  const notes = cases.flatMap((c) => c.notes ?? []);
  if (total === 0 && notes.length > 0 && notes.every((n) => NOTHING_REQUIRED.test(n))) {
    warnings.push('nguồn ghi không quy định thành phần hồ sơ');
  } else if (total === 0) {
    problems.push('không đọc được giấy tờ nào trong thành phần hồ sơ');
  }
  return { cases, problems, warnings };
}
