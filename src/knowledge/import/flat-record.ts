/**
 * The scraped flat format of the national portal (one JSON object per procedure, Vietnamese field names,
 * tables flattened into run-together text) → our record schema.
 */
import { z } from 'zod';
import type { Level, ProcedureRecordInput, Step } from '../schema.js';
import { CHANNEL_TABLE_HEADER, parseFlatChannels } from './flat-channels.js';
import { DOCUMENT_TABLE_HEADER, parseFlatDocuments } from './flat-documents.js';
import { LEGAL_TABLE_HEADER, parseFlatLegal, parseFlatResults } from './flat-legal.js';
import type { ConversionResult } from './conversion.js';
import { cleanLine, cleanText, meaningful, splitTopLevelCommas } from './text.js';

export const flatPortalRecord = z
  .object({
    ma_thu_tuc: z.string().min(1),
    ten_thu_tuc: z.string().min(1),
    detail_url: z.string().optional(),
    so_quyet_dinh: z.string().optional(),
    cap_thuc_hien: z.string().optional(),
    linh_vuc: z.string().optional(),
    doi_tuong_thuc_hien: z.string().optional(),
    co_quan_co_tham_quyen: z.string().optional(),
    dia_chi_tiep_nhan: z.string().optional(),
    co_quan_duoc_uy_quyen: z.string().optional(),
    co_quan_phoi_hop: z.string().optional(),
    thu_tuc_lien_quan: z.string().optional(),
    trinh_tu_thuc_hien: z.string().optional(),
    cach_thuc_thuc_hien: z.string().optional(),
    thanh_phan_ho_so: z.string().optional(),
    can_cu_phap_ly: z.string().optional(),
    co_quan_thuc_hien: z.string().optional(),
    yeu_cau_dieu_kien: z.string().optional(),
    ket_qua_xu_ly: z.string().optional(),
    raw_text: z.string().optional(),
  })
  .loose();
export type FlatPortalRecord = z.infer<typeof flatPortalRecord>;

const LEVEL_NAMES: Record<string, Level> = {
  'cấp bộ': 'ministry',
  'cấp trung ương': 'ministry',
  'cấp tỉnh': 'province',
  'cấp xã': 'commune',
  'cơ quan khác': 'other',
};

export function parseLevels(raw: string | undefined): Level[] | undefined {
  const t = meaningful(raw);
  if (!t) return undefined;
  const out = new Set<Level>();
  for (const part of t.split(',')) {
    const level = LEVEL_NAMES[cleanLine(part).toLowerCase()];
    if (level) out.add(level);
  }
  return out.size > 0 ? [...out] : undefined;
}

/** Split procedure steps: on "Bước N" markers when there are several, else on top-level bullets. */
export function parseSteps(raw: string | undefined): Step[] | undefined {
  const t = meaningful(raw);
  if (!t) return undefined;
  const markers = [...t.matchAll(/(?:^|\n)\s*(Bước\s*\d+\s*[:.-]?)/giu)];
  if (markers.length >= 2) {
    const steps: Step[] = [];
    for (let i = 0; i < markers.length; i++) {
      const start = markers[i]!.index!;
      const end = i + 1 < markers.length ? markers[i + 1]!.index! : t.length;
      const chunk = cleanText(t.slice(start, end));
      const [first, ...rest] = chunk.split('\n');
      const body = cleanText(rest.join('\n'));
      steps.push(body ? { title: cleanLine(first!), description: body } : { description: cleanLine(first!) });
    }
    const preamble = meaningful(t.slice(0, markers[0]!.index));
    if (preamble) steps.unshift({ description: preamble });
    return steps;
  }
  const steps: Step[] = [];
  for (const line of t.split('\n')) {
    const l = line.trim();
    if (l === '') continue;
    if (/^[-•]\s*/.test(l) || steps.length === 0) steps.push({ description: l.replace(/^[-•]\s*/, '') });
    else steps[steps.length - 1]!.description += `\n${l}`;
  }
  return steps.length > 0 ? steps : undefined;
}

function lines(raw: string | undefined): string[] | undefined {
  const t = meaningful(raw);
  if (!t) return undefined;
  const out = t
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return out.length > 0 ? out : undefined;
}

function relatedCodes(raw: string | undefined): string[] | undefined {
  const t = meaningful(raw);
  if (!t) return undefined;
  const codes = [...new Set([...t.matchAll(/\b\d\.\d{6}\b/g)].map((m) => m[0]))];
  return codes.length > 0 ? codes : undefined;
}

/** Section titles of the portal page, in the order they appear in `raw_text`, and the field each fills. */
const RAW_SECTIONS = [
  ['Trình Tự Thực Hiện', 'trinh_tu_thuc_hien'],
  ['Cách Thức Thực Hiện', 'cach_thuc_thuc_hien'],
  ['Thành phần hồ sơ', 'thanh_phan_ho_so'],
  ['Căn cứ pháp lý', 'can_cu_phap_ly'],
  ['Cơ quan thực hiện', 'co_quan_thuc_hien'],
  ['Yêu cầu, điều kiện thực hiện', 'yeu_cau_dieu_kien'],
  ['Kết quả xử lý', 'ket_qua_xu_ly'],
] as const;
type SectionField = (typeof RAW_SECTIONS)[number][1];

/** The header each table section starts with; a field without it was filled from the wrong place. */
const TABLE_HEADERS: Partial<Record<SectionField, string>> = {
  cach_thuc_thuc_hien: CHANNEL_TABLE_HEADER,
  thanh_phan_ho_so: DOCUMENT_TABLE_HEADER,
  can_cu_phap_ly: LEGAL_TABLE_HEADER,
};

/**
 * The scraper cut some fields short where a section title appeared inside the text ("…theo mục 9.3
 * (Thành phần hồ sơ)…"). The page's whole text is kept in `raw_text`; where a field is a strict prefix of
 * the same section read from `raw_text`, the longer text is the right one.
 */
export function recoverTruncatedSections(input: FlatPortalRecord): { record: FlatPortalRecord; recovered: SectionField[] } {
  const raw = typeof input.raw_text === 'string' ? input.raw_text : '';
  if (raw === '') return { record: input, recovered: [] };
  const starts: number[] = [];
  let from = 0;
  for (const [title] of RAW_SECTIONS) {
    const i = raw.indexOf(title, from);
    if (i === -1) return { record: input, recovered: [] };
    starts.push(i);
    from = i + title.length;
  }
  const out: FlatPortalRecord = { ...input };
  const recovered: SectionField[] = [];
  RAW_SECTIONS.forEach(([title, field], k) => {
    const section = raw.slice(starts[k]! + title.length, k + 1 < starts.length ? starts[k + 1] : raw.length).trim();
    const current = (input[field] ?? '').trim();
    const header = TABLE_HEADERS[field];
    const misplaced = header !== undefined && !current.includes(header) && section.includes(header);
    if (misplaced || (section.length > current.length && section.startsWith(current))) {
      out[field] = section;
      recovered.push(field);
    }
  });
  return { record: out, recovered };
}

export function convertFlatRecord(original: FlatPortalRecord, importedAt: string): ConversionResult {
  const problems: string[] = [];
  const warnings: string[] = [];
  const { record: input, recovered } = recoverTruncatedSections(original);
  if (recovered.length > 0) warnings.push(`lấy lại phần bị cắt từ raw_text: ${recovered.join(', ')}`);
  const code = cleanLine(input.ma_thu_tuc);
  const record: ProcedureRecordInput = {
    code,
    name: cleanLine(input.ten_thu_tuc),
    origin: 'imported',
    source: { importedAt },
  };
  const decision = meaningful(input.so_quyet_dinh);
  if (decision) record.source.decision = cleanLine(decision);
  const url = meaningful(input.detail_url);
  if (url && /^https?:\/\//.test(url)) record.source.url = url;
  if (!decision && !record.source.url) problems.push('không có quyết định công bố lẫn trang nguồn');
  const field = meaningful(input.linh_vuc);
  if (field) record.field = cleanLine(field);
  const levels = parseLevels(input.cap_thuc_hien);
  if (levels) record.levels = levels;

  const agency: NonNullable<ProcedureRecordInput['agency']> = {};
  const implementing = meaningful(input.co_quan_thuc_hien);
  if (implementing) agency.implementing = cleanLine(implementing);
  const competent = meaningful(input.co_quan_co_tham_quyen);
  if (competent) agency.competent = cleanLine(competent);
  const authorised = meaningful(input.co_quan_duoc_uy_quyen);
  if (authorised) agency.authorised = cleanLine(authorised);
  const coordinating = meaningful(input.co_quan_phoi_hop);
  if (coordinating) agency.coordinating = cleanLine(coordinating);
  const address = meaningful(input.dia_chi_tiep_nhan);
  if (address) agency.address = cleanLine(address);
  if (Object.keys(agency).length > 0) record.agency = agency;

  const subjects = meaningful(input.doi_tuong_thuc_hien);
  if (subjects) record.subjects = splitTopLevelCommas(subjects);

  const steps = parseSteps(input.trinh_tu_thuc_hien);
  if (steps) record.steps = steps;

  const ch = parseFlatChannels(input.cach_thuc_thuc_hien ?? '');
  problems.push(...ch.problems.map((p) => `cách thức thực hiện: ${p}`));
  warnings.push(...ch.warnings.map((w) => `cách thức thực hiện: ${w}`));
  if (ch.channels.length > 0) record.channels = ch.channels;

  const docs = parseFlatDocuments(input.thanh_phan_ho_so ?? '');
  problems.push(...docs.problems.map((p) => `thành phần hồ sơ: ${p}`));
  warnings.push(...docs.warnings.map((w) => `thành phần hồ sơ: ${w}`));
  if (docs.cases.length > 0) record.cases = docs.cases;

  const requirements = lines(input.yeu_cau_dieu_kien);
  if (requirements) record.requirements = requirements;

  const results = parseFlatResults(input.ket_qua_xu_ly ?? '');
  if (results.length > 0) record.results = results;

  const legal = parseFlatLegal(input.can_cu_phap_ly ?? '');
  problems.push(...legal.problems.map((p) => `căn cứ pháp lý: ${p}`));
  if (legal.items.length > 0) record.legalBasis = legal.items;

  const related = relatedCodes(input.thu_tuc_lien_quan)?.filter((c) => c !== code);
  if (related && related.length > 0) record.related = related;

  return { code, record, problems, warnings };
}
