/**
 * Configuration from environment variables, validated at start-up. Every setting has a default that runs
 * the whole service on one machine with no other server; a bad value stops the start with a message that
 * names the variable.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** A comma-separated list of web origins (`https://cong.example.gov.vn`), each scheme://host[:port]. */
const originList = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const origins: string[] = [];
    for (const part of v.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
      let url: URL | undefined;
      try {
        url = new URL(part);
      } catch {
        url = undefined;
      }
      const bare = url && url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '';
      if (!url || !/^https?:$/.test(url.protocol) || !bare) {
        ctx.addIssue({ code: 'custom', message: `"${part}" không phải origin dạng https://ten-mien[:cong] (không có đường dẫn)` });
        continue;
      }
      origins.push(url.origin);
    }
    return origins;
  });

const hexColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'phải là mã màu dạng #RRGGBB');

/** A link to an image: http(s) URL or a path on this service. */
const imageUrl = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/\S+$/.test(v) || /^\/[^\s/]\S*$/.test(v), 'phải là địa chỉ http(s) hoặc đường dẫn bắt đầu bằng /');

/** Settings of the Direct Line endpoint (src/directline/) and the Web Chat widget (src/webchat/); see README. */
const directLineSettings = {
  /**
   * Direct Line secret for trusted back ends (`Authorization: Bearer <secret>`), at least 32 characters. Unset:
   * generated once and kept in DATA_DIR/directline-secret (mode 0600) so tokens survive restarts; with
   * STORAGE=memory a new one is made at every start.
   */
  DIRECTLINE_SECRET: z
    .string()
    .trim()
    .refine((v) => v === '' || v.length >= 32, 'phải dài ít nhất 32 ký tự')
    .transform((v) => (v === '' ? undefined : v))
    .optional(),
  /** Lifetime of a Direct Line token, seconds. Web Chat refreshes its token every 15 minutes: keep it above 900. */
  DIRECTLINE_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(1800),
  /** How long a conversation is kept after its last activity, hours (then it and its activities are deleted). */
  DIRECTLINE_RETENTION_HOURS: z.coerce.number().positive().max(8760).default(24),
  /** Largest activity a client may post, bytes (larger: 413). */
  DIRECTLINE_MAX_ACTIVITY_BYTES: z.coerce.number().int().min(1024).max(256 * 1024).default(32 * 1024),
  /** Activities one conversation may post per minute (a burst of up to a third of it at once); more: 429. */
  DIRECTLINE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Polls of GET …/activities one conversation may make per minute; more: 429. */
  DIRECTLINE_POLL_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(240),
  /** Conversations and tokens one client address may start or obtain per minute; more: 429. */
  DIRECTLINE_START_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  /** Behind a reverse proxy: take the client address and scheme from X-Forwarded-For / X-Forwarded-Proto. */
  TRUST_PROXY: boolFromEnv.default(false),
  /**
   * Origins of the portals allowed to embed the widget and call the Direct Line endpoint from the browser
   * (CORS, frame-ancestors, WebSocket Origin), comma-separated. The service's own origin is always allowed.
   */
  WEBCHAT_ALLOWED_ORIGINS: originList.default([]),
  /** Title of the chat window and the demo page. */
  WEBCHAT_TITLE: z.string().trim().min(1).max(120).default('Trợ lý ảo thủ tục hành chính'),
  /** The portal's main colour (#RRGGBB): header, buttons, the user's bubbles. */
  WEBCHAT_PRIMARY_COLOR: hexColor.default('#B3261E'),
  /** The bot's avatar: an http(s) URL or a path on this service. */
  WEBCHAT_BOT_AVATAR: imageUrl.default('/webchat/assets/avatar.svg'),
  /** The bot's name as citizens see it. */
  WEBCHAT_BOT_NAME: z.string().trim().min(1).max(80).default('Trợ lý ảo'),
  /** Where the browser keeps the conversation: `session` (until the tab closes; default) or `local` (until cleared). */
  WEBCHAT_STORAGE: z.enum(['session', 'local']).default('session'),
  /** Activities shown again after a page reload (the history replayed from the stored watermark). */
  WEBCHAT_HISTORY_LIMIT: z.coerce.number().int().min(0).max(1000).default(200),
};

export const configSchema = z.object({
  /** HTTP port. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** Address to listen on. */
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  /** Bot Framework credentials, named as Bot Framework bots name them. Empty: anonymous (Emulator, local). */
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI', '']).optional(),
  MicrosoftAppTenantId: optionalText,
  /** Where state, transcripts and generated secrets are kept (SQLite file bot.db). */
  DATA_DIR: z.string().trim().min(1).default('./data'),
  /** `sqlite` (default, persistent) or `memory` (lost on restart; for tests and demos). */
  STORAGE: z.enum(['sqlite', 'memory']).default('sqlite'),
  /** A directory of extra records (e.g. the province's imported catalogue), merged under knowledge/. */
  KNOWLEDGE_DIR: optionalText,
  /** Public base URL of this service (used in links it gives out); default: derived from each request. */
  PUBLIC_URL: z.url().optional().or(z.literal('').transform(() => undefined)),
  /**
   * Link template to a procedure's page on a portal, `{code}` replaced by the national code, for records
   * that do not carry their own source page. Unset: such records name their code for the citizen to look up.
   */
  PORTAL_PROCEDURE_URL: z
    .string()
    .trim()
    .refine((v) => v === '' || (v.includes('{code}') && /^https?:\/\//.test(v)), 'phải là địa chỉ http(s) chứa {code}')
    .transform((v) => (v === '' ? undefined : v))
    .optional(),
  /** Where citizens send feedback (phản ánh, kiến nghị); offered when the bot cannot help. */
  FEEDBACK_URL: z.url().default('https://dichvucong.gov.vn'),
  /** The one-stop shop's hotline, offered with the handoff (optional). */
  HOTLINE: optionalText,
  /** Name of the province or unit shown to citizens. */
  ORGANISATION_NAME: z.string().trim().min(1).default('Cổng Dịch vụ công'),
  /** Log level. */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Record every turn in the transcript store (for officers). */
  TRANSCRIPTS: boolFromEnv.default(true),

  // Settings of the Direct Line channel (src/directline/) and the Web Chat widget (src/webchat/).
  ...directLineSettings,
});

export type Config = z.infer<typeof configSchema> & { dataDir: string };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Read and validate configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const v = env[key];
    if (v !== undefined) input[key] = v;
  }
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? '');
        return `${name}=${JSON.stringify(input[name] ?? '')}: ${i.message}`;
      }),
    );
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.DATA_DIR) };
}
