/**
 * The self-hosted Direct Line 3.0 channel: conversations, tokens, the in-process bot adapter, WebSocket
 * streaming and the REST routes, built from configuration and registered on the service's HTTP server.
 * `createApp` (src/server/app.ts) builds it; `app.directLine` is what other parts (and tests) use, e.g.
 * `sendProactive` to write to a citizen later.
 */
import { randomBytes } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import {
  ActivityTypes,
  TranscriptLoggerMiddleware,
  type Activity,
  type ChannelAccount,
  type ConversationReference,
  type TranscriptStore,
  type TurnContext,
} from 'botbuilder';
import type Database from 'better-sqlite3';
import type restify from 'restify';
import type { Config } from '../config.js';
import type { Logger } from '../server/logger.js';
import { DIRECT_LINE_CHANNEL_ID, DirectLineAdapter, type Deliver } from './adapter.js';
import {
  MemoryConversationStore,
  SqliteConversationStore,
  type ActivityPage,
  type ConversationStore,
} from './conversation-store.js';
import { OriginPolicy } from './origins.js';
import { RateLimiter } from './rate-limiter.js';
import { registerDirectLineRoutes } from './routes.js';
import { StreamHub } from './streaming.js';
import { loadOrCreateSecret, TokenService } from './token-service.js';
import { TurnQueue } from './turn-queue.js';
import { PAGE_LIMIT, type DirectLine, type DirectLineCore } from './types.js';

export { DIRECT_LINE_CHANNEL_ID, DirectLineAdapter } from './adapter.js';
export { OriginPolicy } from './origins.js';
export { RateLimiter } from './rate-limiter.js';
export { TokenService } from './token-service.js';
export type { DirectLine } from './types.js';

export interface DirectLineDeps {
  config: Config;
  server: restify.Server;
  bot: { run(context: TurnContext): Promise<void> };
  transcripts: TranscriptStore;
  logger: Logger;
  /** The service's SQLite database, when it keeps state there: conversations are kept in it too. */
  db?: Database.Database | undefined;
  /** The same turn-error handling as the CloudAdapter's. */
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
  /** Clock (ms), replaceable in tests. */
  now?: (() => number) | undefined;
}

function seqOf(activityId: string): number {
  return Number(activityId.slice(activityId.lastIndexOf('|') + 1));
}

export function createDirectLine(deps: DirectLineDeps): DirectLine {
  const { config, logger } = deps;
  const now = deps.now ?? Date.now;
  // The secret is kept on disk where the service keeps its state (its SQLite database); else per process.
  const persistSecret = deps.db !== undefined;
  const { secret, source } = loadOrCreateSecret(config.DIRECTLINE_SECRET, config.dataDir, persistSecret);
  if (source === 'generated') logger.info(`Direct Line: đã tạo khóa bí mật mới trong ${config.dataDir}/directline-secret`);
  const tokens = new TokenService(secret, config.DIRECTLINE_TOKEN_TTL_SECONDS, now);
  const store: ConversationStore = deps.db ? new SqliteConversationStore(deps.db) : new MemoryConversationStore();
  const origins = new OriginPolicy({
    allowed: config.WEBCHAT_ALLOWED_ORIGINS,
    publicUrl: config.PUBLIC_URL,
    trustProxy: config.TRUST_PROXY,
  });
  const botAccount: ChannelAccount = { id: config.MicrosoftAppId ?? 'tro-ly-thu-tuc', name: config.WEBCHAT_BOT_NAME, role: 'bot' };

  const page = (conversationId: string, watermark: number): ActivityPage => store.after(conversationId, watermark, PAGE_LIMIT);
  const streams = new StreamHub(deps.server.server as HttpServer, {
    logger,
    admit: (request, url, conversationId) => {
      const origin = request.headers.origin;
      if (origin !== undefined && !origins.isAllowed(origin, request)) {
        return { ok: false, status: 403, reason: `Origin ${origin} không được phép.` };
      }
      const t = url.searchParams.get('t');
      if (!t) return { ok: false, status: 401, reason: 'Thiếu mã truy cập (t).' };
      const check = tokens.verify(t);
      if (!check.ok) return { ok: false, status: 403, reason: check.reason === 'expired' ? 'Mã truy cập đã hết hạn.' : 'Mã truy cập không hợp lệ.' };
      if (check.claims.scope !== 'stream' || check.claims.conv !== conversationId) {
        return { ok: false, status: 403, reason: 'Mã truy cập không dùng được cho cuộc trò chuyện này.' };
      }
      if (!store.get(conversationId)) return { ok: false, status: 404, reason: 'Không tìm thấy cuộc trò chuyện.' };
      const w = url.searchParams.get('watermark');
      const watermark = w && /^\d{1,12}$/.test(w) ? Number(w) : 0;
      return { ok: true, conversationId, watermark };
    },
    backlog: (conversationId, watermark) => {
      const p = page(conversationId, watermark);
      return { activities: p.activities, watermark: String(p.watermark) };
    },
  });

  const deliver: Deliver = (conversationId, activity) => {
    const stored = store.append(conversationId, activity, now());
    streams.publish(conversationId, { activities: [stored], watermark: String(seqOf(stored.id)) });
    return stored;
  };

  const adapter = new DirectLineAdapter(deliver, now);
  if (config.TRANSCRIPTS) adapter.use(new TranscriptLoggerMiddleware(deps.transcripts));
  adapter.onTurnError = deps.onTurnError;

  const turns = new TurnQueue((conversationId, error) =>
    logger.error(`Direct Line: lượt hội thoại ${conversationId} lỗi: ${(error as Error).stack ?? String(error)}`),
  );
  const runTurn = (activity: Activity): Promise<void> =>
    turns.run(activity.conversation.id, () => adapter.processActivity(activity, (context) => deps.bot.run(context)));

  const conversationReference = (conversationId: string): Partial<ConversationReference> | undefined => {
    const record = store.get(conversationId);
    if (!record) return undefined;
    const user: ChannelAccount = { id: record.userId, name: record.userName ?? '', role: 'user' };
    return {
      channelId: DIRECT_LINE_CHANNEL_ID,
      serviceUrl: record.serviceUrl,
      conversation: { id: record.id, isGroup: false, conversationType: 'personal', name: '' },
      bot: botAccount,
      user,
      ...(record.locale ? { locale: record.locale } : {}),
    };
  };

  const continueConversation = async (conversationId: string, logic: (context: TurnContext) => Promise<void>): Promise<void> => {
    const reference = conversationReference(conversationId);
    if (!reference) throw new Error(`Direct Line: không có cuộc trò chuyện ${conversationId}`);
    await adapter.continueConversation(reference, logic);
  };

  const pruneEvery = Math.min(10 * 60_000, config.DIRECTLINE_RETENTION_HOURS * 3_600_000);
  const pruner = setInterval(() => {
    try {
      const removed = store.prune(now() - config.DIRECTLINE_RETENTION_HOURS * 3_600_000);
      if (removed > 0) logger.info(`Direct Line: đã xóa ${removed} cuộc trò chuyện quá hạn lưu giữ`);
    } catch (err) {
      logger.error(`Direct Line: lỗi khi xóa cuộc trò chuyện cũ: ${(err as Error).message}`);
    }
  }, pruneEvery);
  pruner.unref();

  let closed = false;
  const core: DirectLineCore = {
    config,
    logger,
    now,
    adapter,
    store,
    tokens,
    streams,
    origins,
    botAccount,
    turns,
    limits: {
      post: new RateLimiter(config.DIRECTLINE_RATE_LIMIT_PER_MINUTE, undefined, now),
      poll: new RateLimiter(config.DIRECTLINE_POLL_RATE_LIMIT_PER_MINUTE, undefined, now),
      start: new RateLimiter(config.DIRECTLINE_START_RATE_LIMIT_PER_MINUTE, undefined, now),
      refresh: new RateLimiter(10, 5, now),
    },
    newConversationId: () => randomBytes(16).toString('base64url'),
    newUserId: () => `dl_${randomBytes(12).toString('base64url')}`,
    conversationReference,
    continueConversation,
    sendProactive: async (conversationId, message) => {
      let id = '';
      await continueConversation(conversationId, async (context) => {
        const response = await context.sendActivity(message);
        id = response?.id ?? '';
      });
      return id;
    },
    idle: (conversationId) => turns.idle(conversationId),
    page,
    start: (conversationId, user, locale, serviceUrl) => {
      const record = store.create({
        id: conversationId,
        userId: user.id,
        ...(user.name ? { userName: user.name } : {}),
        ...(locale ? { locale } : {}),
        serviceUrl,
        createdAt: now(),
      });
      const update = {
        type: ActivityTypes.ConversationUpdate,
        id: `${conversationId}|cu-${randomBytes(4).toString('hex')}`,
        timestamp: new Date(now()),
        channelId: DIRECT_LINE_CHANNEL_ID,
        serviceUrl,
        conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
        from: { id: user.id, name: user.name ?? '', role: 'user' },
        recipient: botAccount,
        membersAdded: [{ id: user.id, name: user.name ?? '' }],
        ...(locale ? { locale } : {}),
      } as Activity;
      void runTurn(update);
      return record;
    },
    receive: (conversation, incoming) => {
      const from: ChannelAccount = {
        // The conversation's user, whatever id the client wrote.
        id: conversation.userId,
        name: incoming.from?.name ?? conversation.userName ?? '',
        role: 'user',
      };
      const activity = {
        ...incoming,
        from,
        timestamp: new Date(now()),
        channelId: DIRECT_LINE_CHANNEL_ID,
        serviceUrl: conversation.serviceUrl,
        conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
        recipient: botAccount,
        locale: incoming.locale ?? conversation.locale,
      } as Activity;
      const stored = deliver(conversation.id, activity);
      void runTurn(structuredClone(stored));
      return stored.id;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      clearInterval(pruner);
      streams.close();
      // Let turns under way finish before storage closes (bounded).
      await Promise.race([turns.idle(), new Promise((resolvePromise) => setTimeout(resolvePromise, 5000).unref())]);
    },
  };

  registerDirectLineRoutes(deps.server, core);
  return core;
}
