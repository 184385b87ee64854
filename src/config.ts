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
