/**
 * The national portal's JSON API format (fields `code`, `name`, `executionMethods`, `executionCases`,
 * `legalBasisesDetails`, …; see DESIGN.md) → our record schema. The API is read leniently: unknown
 * fields are ignored, numbers may arrive as strings, and what is missing is reported, not invented.
 */
import { z } from 'zod';
import type { Channel, ChannelType, DocumentCase, DocumentItem, Fee, Level, ProcedureRecordInput, TimeUnit } from '../schema.js';
import type { ConversionResult } from './conversion.js';
import { foldForMatch } from '../../text/fold.js';
import { cleanLine, cleanText, meaningful, parseAmount } from './text.js';

const numberLike = z.union([z.number(), z.string()]).nullish();
const textLike = z.string().nullish();
const named = z.object({ name: textLike, code: textLike }).loose();

export const apiPortalRecord = z
  .object({
    code: z.string().min(1),
    name: z.string().min(1),
    executionSteps: z.array(z.object({ name: textLike, description: textLike }).loose()).nullish(),
    executionMethods: z
      .array(
        z
          .object({
            submissionMethod: z.string(),
            processingTime: numberLike,
            processingTimeUnit: textLike,
            description: textLike,
            fees: z
              .array(z.object({ type: textLike, value: numberLike, currencyId: textLike, description: textLike }).loose())
              .nullish(),
          })
          .loose(),
      )
      .nullish(),
    executionCases: z
      .array(
        z
          .object({
            name: textLike,
            profileComponents: z
              .array(
                z
                  .object({
                    name: z.string(),
                    code: textLike,
                    originalQty: numberLike,
                    copyQty: numberLike,
                    required: z.union([z.boolean(), z.number(), z.string()]).nullish(),
                    hasElectronicForm: z.union([z.boolean(), z.number()]).nullish(),
                  })
                  .loose(),
              )
              .nullish(),
          })
          .loose(),
      )
      .nullish(),
    isWard: z.boolean().nullish(),
    isProvince: z.boolean().nullish(),
    isMinistry: z.boolean().nullish(),
    isFullProcess: z.boolean().nullish(),
    isOfflineOnly: z.boolean().nullish(),
    categoriesDetails: z.array(named).nullish(),
    unitGroupsExecuting: z.array(named).nullish(),
    legalBasisesDetails: z.array(named).nullish(),
    resultsDetails: z.array(named).nullish(),
    subjectTypesDetails: z.array(named).nullish(),
    departmentPromulgateName: textLike,
    decisionNumber: textLike,
    url: textLike,
  })
  .loose();
export type ApiPortalRecord = z.infer<typeof apiPortalRecord>;

const METHOD_TYPES: Record<string, ChannelType> = { ONLINE: 'online', POSTAL: 'postal', DIRECT: 'direct' };

/** Units as the API writes them (Vietnamese words or English codes), folded for comparison. */
export function unitFromApi(raw: string | null | undefined): TimeUnit | undefined {
  if (!raw) return undefined;
  const u = foldForMatch(raw).replace(/[_-]/g, ' ');
  if (/lam viec|working|work day|business/.test(u)) return 'working-days';
  if (/ngay|\bdays?\b|^d$/.test(u)) return 'days';
  if (/gio|hour/.test(u)) return 'hours';
  if (/thang|month/.test(u)) return 'months';
  if (/nam|year/.test(u)) return 'years';
  return undefined;
}

function toNumber(v: string | number | null | undefined): number | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  return parseAmount(v);
}

function toBool(v: boolean | number | string | null | undefined): boolean | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  return /^(true|1|có|yes)$/i.test(v.trim());
}

function names(list: Array<z.infer<typeof named>> | null | undefined): string[] {
  return (list ?? []).map((x) => meaningful(x.name ?? undefined)).filter((x): x is string => x !== undefined).map(cleanLine);
}

export function convertApiRecord(input: ApiPortalRecord, importedAt: string): ConversionResult {
  const problems: string[] = [];
  const warnings: string[] = [];
  const code = cleanLine(input.code);
  const record: ProcedureRecordInput = { code, name: cleanLine(input.name), origin: 'imported', source: { importedAt } };
  const decision = meaningful(input.decisionNumber ?? undefined);
  if (decision) record.source.decision = cleanLine(decision);
  const url = meaningful(input.url ?? undefined);
  if (url && /^https?:\/\//.test(url)) record.source.url = url;
  if (!decision && !record.source.url) problems.push('không có quyết định công bố lẫn trang nguồn');

  const fields = names(input.categoriesDetails);
  if (fields.length > 0) record.field = fields.join('; ');
  const levels: Level[] = [];
  if (input.isMinistry) levels.push('ministry');
  if (input.isProvince) levels.push('province');
  if (input.isWard) levels.push('commune');
  if (levels.length > 0) record.levels = levels;
  const agencies = names(input.unitGroupsExecuting);
  if (agencies.length > 0) record.agency = { implementing: agencies.join('; ') };
  const subjects = names(input.subjectTypesDetails);
  if (subjects.length > 0) record.subjects = subjects;

  const steps = (input.executionSteps ?? [])
    .map((s) => {
      const title = meaningful(s.name ?? undefined);
      const description = meaningful(s.description ?? undefined);
      if (description) return title ? { title: cleanLine(title), description: cleanText(description) } : { description: cleanText(description) };
      return title ? { description: cleanLine(title) } : undefined;
    })
    .filter((s) => s !== undefined);
  if (steps.length > 0) record.steps = steps;

  const channels: Channel[] = [];
  for (const m of input.executionMethods ?? []) {
    const type = METHOD_TYPES[m.submissionMethod.toUpperCase()];
    if (!type) {
      problems.push(`hình thức nộp không rõ: ${m.submissionMethod}`);
      continue;
    }
    if (channels.some((c) => c.type === type)) {
      warnings.push(`hình thức ${m.submissionMethod} lặp lại, giữ mục đầu`);
      continue;
    }
    const channel: Channel = { type };
    if (type === 'online' && input.isFullProcess !== null && input.isFullProcess !== undefined) {
      channel.onlineLevel = input.isFullProcess ? 'full' : 'partial';
    }
    const value = toNumber(m.processingTime);
    const unit = unitFromApi(m.processingTimeUnit);
    if (value !== undefined) {
      channel.time = unit ? { value, unit } : { value };
      if (!unit) warnings.push(`${m.submissionMethod}: thời gian không ghi đơn vị${m.processingTimeUnit ? ` ("${m.processingTimeUnit}")` : ''}`);
    } else if (m.processingTime !== null && m.processingTime !== undefined && meaningful(String(m.processingTime))) {
      problems.push(`${m.submissionMethod}: không đọc được thời gian "${String(m.processingTime)}"`);
    }
    const fees: Fee[] = [];
    for (const f of m.fees ?? []) {
      const amount = toNumber(f.value);
      if (amount === undefined) {
        problems.push(`${m.submissionMethod}: không đọc được mức phí "${String(f.value)}"`);
        continue;
      }
      const fee: Fee = { amount, currency: (f.currencyId ?? 'VND').toUpperCase() === 'USD' ? 'USD' : 'VND' };
      const kind = meaningful(f.type ?? undefined);
      const description = meaningful(f.description ?? undefined);
      if (kind || description) fee.description = [kind, description].filter(Boolean).join(': ');
      fees.push(fee);
    }
    if (fees.length > 0) channel.fees = fees;
    const description = meaningful(m.description ?? undefined);
    if (description) channel.description = description;
    channels.push(channel);
  }
  if (channels.length > 0) record.channels = channels;
  else problems.push('không có cách thức thực hiện');

  const cases: DocumentCase[] = [];
  for (const c of input.executionCases ?? []) {
    const documents: DocumentItem[] = [];
    for (const p of c.profileComponents ?? []) {
      const name = meaningful(p.name);
      if (!name) continue;
      const doc: DocumentItem = { name: cleanLine(name), requirement: toBool(p.required) === false ? 'conditional' : 'required' };
      const originals = toNumber(p.originalQty);
      const copies = toNumber(p.copyQty);
      if (originals !== undefined) doc.originals = originals;
      if (copies !== undefined) doc.copies = copies;
      documents.push(doc);
    }
    const docCase: DocumentCase = { documents };
    const caseName = meaningful(c.name ?? undefined);
    if (caseName) docCase.name = cleanLine(caseName);
    if (documents.length > 0) cases.push(docCase);
  }
  if (cases.length > 0) record.cases = cases;

  const legal = (input.legalBasisesDetails ?? [])
    .map((l) => {
      const title = meaningful(l.name ?? undefined);
      const number = meaningful(l.code ?? undefined);
      if (!title && !number) return undefined;
      return number ? { number: cleanLine(number), title: cleanLine(title ?? number) } : { title: cleanLine(title!) };
    })
    .filter((l) => l !== undefined);
  if (legal.length > 0) record.legalBasis = legal;

  const results = (input.resultsDetails ?? [])
    .map((r) => {
      const name = meaningful(r.name ?? undefined);
      if (!name) return undefined;
      const rc = meaningful(r.code ?? undefined);
      return rc ? { name: cleanLine(name), code: cleanLine(rc) } : { name: cleanLine(name) };
    })
    .filter((r) => r !== undefined);
  if (results.length > 0) record.results = results;

  return { code, record, problems, warnings };
}
