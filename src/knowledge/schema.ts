/**
 * The procedure record: one administrative procedure (thủ tục hành chính), modelled on the national
 * TTHC database. Optional fields are truly optional: when the source does not state a fact, the field is
 * left out, never filled with a guess.
 */
import { z } from 'zod';

const text = z.string().trim().min(1, 'không được để trống');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'phải là ngày dạng YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'không phải là ngày hợp lệ');

/** National procedure code, e.g. `1.001193`; provincial variants may carry a suffix (`1.001193.000.00.00.H12`). */
export const procedureCode = z
  .string()
  .regex(/^\d\.\d{6}(?:\.[0-9A-Za-z]+)*$/, 'mã thủ tục phải có dạng 1.001193');

export const LEVELS = ['ministry', 'province', 'commune', 'other'] as const;
export const level = z.enum(LEVELS);
export type Level = z.infer<typeof level>;

export const TIME_UNITS = ['working-days', 'days', 'hours', 'months', 'years'] as const;
export const timeUnit = z.enum(TIME_UNITS);
export type TimeUnit = z.infer<typeof timeUnit>;

/** Processing time of one channel. `value` without `unit` is kept when the source gives no unit. */
export const processingTime = z
  .object({
    value: z.number().nonnegative().optional(),
    unit: timeUnit.optional(),
    /** The source's own wording when it is not a plain number (e.g. "Không phải trả kết quả"). */
    note: text.optional(),
  })
  .strict()
  .refine((t) => t.value !== undefined || t.note !== undefined, {
    message: 'cần có value (số) hoặc note (diễn giải)',
  });
export type ProcessingTime = z.infer<typeof processingTime>;

export const CURRENCIES = ['VND', 'USD'] as const;

/** One fee item. `amount: 0` means free of charge ("Miễn phí"). */
export const fee = z
  .object({
    amount: z.number().nonnegative(),
    currency: z.enum(CURRENCIES).default('VND'),
    /** What the fee is for, or the rule that sets it, as the source states it. */
    description: text.optional(),
    /** Who is exempt, as the source states it. */
    exemptions: text.optional(),
  })
  .strict();
export type Fee = z.infer<typeof fee>;

export const CHANNEL_TYPES = ['direct', 'online', 'postal'] as const;
export const channelType = z.enum(CHANNEL_TYPES);
export type ChannelType = z.infer<typeof channelType>;

export const channel = z
  .object({
    type: channelType,
    /** Online only: `full` = toàn trình, `partial` = một phần. */
    onlineLevel: z.enum(['full', 'partial']).optional(),
    /** Where to submit online, when known. */
    url: z.url().optional(),
    time: processingTime.optional(),
    /** Absent: the source gives no fee information. `[{amount: 0}]`: free. */
    fees: z.array(fee).min(1).optional(),
    description: text.optional(),
  })
  .strict()
  .refine((c) => c.onlineLevel === undefined || c.type === 'online', {
    message: 'onlineLevel chỉ dùng cho kênh online',
    path: ['onlineLevel'],
  });
export type Channel = z.infer<typeof channel>;

export const formTemplate = z
  .object({
    name: text,
    url: z.url().optional(),
  })
  .strict();

export const documentItem = z
  .object({
    name: text,
    /** Number of originals (bản chính). */
    originals: z.number().int().nonnegative().optional(),
    /** Number of copies (bản sao). */
    copies: z.number().int().nonnegative().optional(),
    /** `conditional`: needed only in the situation given by `condition`. */
    requirement: z.enum(['required', 'conditional']).default('required'),
    condition: text.optional(),
    form: formTemplate.optional(),
    /** Where a citizen obtains this paper, when the source says so. */
    obtainFrom: text.optional(),
  })
  .strict();
export type DocumentItem = z.infer<typeof documentItem>;

/** One document set (trường hợp): a procedure can have several, each with its own documents. */
export const documentCase = z
  .object({
    name: text.optional(),
    documents: z.array(documentItem),
    /** Remarks attached to the set in the source that are not papers to bring. */
    notes: z.array(text).optional(),
  })
  .strict();
export type DocumentCase = z.infer<typeof documentCase>;

export const step = z
  .object({
    title: text.optional(),
    description: text,
  })
  .strict();
export type Step = z.infer<typeof step>;

export const legalBasis = z
  .object({
    number: text.optional(),
    title: text,
  })
  .strict();
export type LegalBasis = z.infer<typeof legalBasis>;

export const result = z
  .object({
    name: text,
    code: text.optional(),
  })
  .strict();

export const agency = z
  .object({
    /** Cơ quan thực hiện. */
    implementing: text.optional(),
    /** Cơ quan có thẩm quyền. */
    competent: text.optional(),
    /** Cơ quan được ủy quyền. */
    authorised: text.optional(),
    /** Cơ quan phối hợp. */
    coordinating: text.optional(),
    /** Địa chỉ tiếp nhận hồ sơ. */
    address: text.optional(),
  })
  .strict();

export const source = z
  .object({
    /** The publishing decision, e.g. `163/QĐ-BTP`. */
    decision: text.optional(),
    /** The procedure's page on the national portal. */
    url: z.url().optional(),
    /** When a person last checked this record against its source. Required for curated records. */
    reviewedAt: isoDate.optional(),
    /** When the record was imported by a tool. */
    importedAt: isoDate.optional(),
  })
  .strict()
  .refine((s) => s.reviewedAt !== undefined || s.importedAt !== undefined, {
    message: 'cần reviewedAt (ngày rà soát) hoặc importedAt (ngày nhập)',
  })
  .refine((s) => s.decision !== undefined || s.url !== undefined, {
    message: 'cần decision (quyết định công bố) hoặc url (trang nguồn)',
  });

export const ORIGINS = ['curated', 'imported'] as const;

export const procedureRecord = z
  .object({
    code: procedureCode,
    name: text,
    origin: z.enum(ORIGINS).default('curated'),
    field: text.optional(),
    levels: z.array(level).min(1).optional(),
    agency: agency.optional(),
    subjects: z.array(text).optional(),
    /** A short plain summary of what the procedure is for, for a chat bubble. */
    summary: text.optional(),
    steps: z.array(step).optional(),
    channels: z.array(channel).optional(),
    cases: z.array(documentCase).optional(),
    requirements: z.array(text).optional(),
    results: z.array(result).optional(),
    legalBasis: z.array(legalBasis).optional(),
    source,
    aliases: z.array(text).optional(),
    sampleQuestions: z.array(text).optional(),
    related: z.array(procedureCode).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const seen = new Set<ChannelType>();
    r.channels?.forEach((c, i) => {
      if (seen.has(c.type)) {
        ctx.addIssue({ code: 'custom', message: `kênh ${c.type} xuất hiện hai lần`, path: ['channels', i, 'type'] });
      }
      seen.add(c.type);
    });
    if (r.origin === 'curated' && r.source.reviewedAt === undefined) {
      ctx.addIssue({ code: 'custom', message: 'bản ghi biên soạn phải có ngày rà soát', path: ['source', 'reviewedAt'] });
    }
  });

/** A record as written in a file (defaults not yet applied). */
export type ProcedureRecordInput = z.input<typeof procedureRecord>;
/** A validated record. */
export type ProcedureRecord = z.infer<typeof procedureRecord>;
