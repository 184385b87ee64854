/**
 * What a client may post to `…/activities`: the fields Web Chat and directlinejs send, checked with zod.
 * Everything that identifies the conversation (id, channel, conversation, recipient, service URL, time)
 * is set by the server, never taken from the client.
 */
import { z } from 'zod';
import { MAX_TEXT_CHARS } from '../server/activity-schema.js';
import { DirectLineError, type FieldProblem } from './errors.js';

const account = z
  .object({
    id: z.string().max(256).optional(),
    name: z.string().max(256).optional(),
    role: z.string().max(32).optional(),
  })
  .loose();

export const clientActivity = z.object({
  type: z.enum(['message', 'event', 'typing'], { message: 'phải là "message", "event" hoặc "typing"' }),
  text: z.string().max(MAX_TEXT_CHARS, `dài quá ${MAX_TEXT_CHARS} ký tự`).optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  locale: z.string().max(32).optional(),
  localTimestamp: z.string().max(64).optional(),
  localTimezone: z.string().max(64).optional(),
  name: z.string().max(256).optional(),
  value: z.unknown().optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  attachments: z.array(z.object({ contentType: z.string().max(256) }).loose()).max(10).optional(),
  entities: z.array(z.object({ type: z.string().max(128) }).loose()).max(20).optional(),
  from: account.optional(),
  replyToId: z.string().max(512).optional(),
});

export type ClientActivity = z.infer<typeof clientActivity>;

/** Parse a posted body: 400 naming the fields that are wrong, 413 when the text or the whole is too long. */
export function parseClientActivity(body: unknown, byteLength: number, maxBytes: number): ClientActivity {
  if (byteLength > maxBytes) {
    throw new DirectLineError(413, 'TooLarge', `Activity quá lớn (${byteLength} byte; tối đa ${maxBytes} byte).`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new DirectLineError(400, 'BadArgument', 'Nội dung phải là một activity dạng đối tượng JSON (Content-Type: application/json).');
  }
  const parsed = clientActivity.safeParse(body);
  if (parsed.success) return parsed.data;
  const fields: FieldProblem[] = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(gốc)', problem: i.message }));
  const tooLong = parsed.error.issues.some((i) => i.path[0] === 'text' && i.code === 'too_big');
  if (tooLong) throw new DirectLineError(413, 'TooLarge', 'Tin nhắn quá dài.', fields);
  throw new DirectLineError(400, 'BadArgument', 'Activity không hợp lệ.', fields);
}

/** Watermark query parameter: absent/empty (from the start) or a non-negative integer. */
export function parseWatermark(value: unknown): number {
  if (value === undefined || value === '' || value === null) return 0;
  if (typeof value === 'string' && /^\d{1,12}$/.test(value)) return Number(value);
  throw new DirectLineError(400, 'BadArgument', 'watermark phải là số nguyên không âm.', [
    { path: 'watermark', problem: 'phải là số nguyên không âm' },
  ]);
}

const userSchema = z
  .object({
    id: z
      .string()
      .trim()
      .min(1)
      .max(128)
      .regex(/^[\p{L}\p{N}_.:@-]+$/u, 'chỉ gồm chữ, số và _ . : @ -')
      .optional(),
    name: z.string().trim().max(128).optional(),
  })
  .loose();

export const startBody = z
  .object({
    user: userSchema.optional(),
    locale: z.string().trim().max(32).optional(),
  })
  .loose();

export type StartBody = z.infer<typeof startBody>;

/** Body of POST /conversations and /tokens/generate: optional, with an optional user and locale. */
export function parseStartBody(body: unknown): StartBody {
  if (body === undefined || body === null || body === '' || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0)) return {};
  const parsed = startBody.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new DirectLineError(
    400,
    'BadArgument',
    'Nội dung yêu cầu không hợp lệ.',
    parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(gốc)', problem: i.message })),
  );
}
