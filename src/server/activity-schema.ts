/**
 * What an incoming Bot Framework activity must look like before the bot sees it. The SDK trusts its
 * input; a request with missing or mistyped fields gets a 400 that says which field is wrong.
 */
import { z } from 'zod';

/** Longest message text accepted; longer text is refused with 413 rather than processed. */
export const MAX_TEXT_CHARS = 20_000;

const account = z.object({ id: z.string().min(1).max(512), name: z.string().max(512).optional() }).loose();

export const incomingActivity = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(512).optional(),
    channelId: z.string().min(1).max(128),
    serviceUrl: z.url().max(2048),
    from: account,
    recipient: account,
    conversation: z.object({ id: z.string().min(1).max(1024) }).loose(),
    text: z.string().max(MAX_TEXT_CHARS, `text dài quá ${MAX_TEXT_CHARS} ký tự`).optional(),
    value: z.unknown().optional(),
    membersAdded: z.array(account).optional(),
    timestamp: z.string().optional(),
    locale: z.string().max(32).optional(),
  })
  .loose();

export interface ActivityProblem {
  status: 400 | 413;
  message: string;
  fields: Array<{ path: string; problem: string }>;
}

export function checkActivity(body: unknown): ActivityProblem | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { status: 400, message: 'Activity phải là một đối tượng JSON.', fields: [] };
  }
  const parsed = incomingActivity.safeParse(body);
  if (parsed.success) return undefined;
  const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.'), problem: i.message }));
  const tooLong = parsed.error.issues.some((i) => i.path[0] === 'text' && i.code === 'too_big');
  return { status: tooLong ? 413 : 400, message: 'Activity không hợp lệ.', fields };
}
