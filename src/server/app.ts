/**
 * The one wiring file: configuration → knowledge → matcher → storage → state → dialogs → bot → adapter
 * → HTTP server. Everything the service runs is built here, and closed here.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  MemoryTranscriptStore,
  TranscriptLoggerMiddleware,
  UserState,
  type Storage,
  type TranscriptStore,
  type TurnContext,
} from 'botbuilder';
import type Database from 'better-sqlite3';
import restify from 'restify';
import { MainDialog } from '../../dialogs/main-dialog.js';
import { AssistantBot } from '../bot/assistant-bot.js';
import { ContactInfoHandoff } from '../bot/contact-handoff.js';
import { DEFAULT_POPULAR_CODES, type BotServices, type ConversationData } from '../bot/services.js';
import type { Config } from '../config.js';
import { loadKnowledge, type KnowledgeBase } from '../knowledge/load.js';
import { formatIssue } from '../knowledge/issues.js';
import { buildMatcher } from '../search/build.js';
import { openDatabase } from '../storage/database.js';
import { SqliteStorage } from '../storage/sqlite-storage.js';
import { SqliteTranscriptStore } from '../storage/transcript-store.js';
import { checkActivity } from './activity-schema.js';
import { createLogger, type Logger } from './logger.js';
import { createDirectLine, type DirectLine } from '../directline/index.js';
import { registerWebChat } from '../webchat/routes.js';

/** Largest request body accepted (bytes). */
export const MAX_BODY_BYTES = 256 * 1024;

export interface App {
  server: restify.Server;
  adapter: CloudAdapter;
  bot: AssistantBot;
  services: BotServices;
  transcripts: TranscriptStore;
  logger: Logger;
    /** The self-hosted Direct Line channel (conversations, tokens, proactive sends: `sendProactive`). */
  directLine: DirectLine;
  /** Start listening; resolves with the bound port. */
  listen(): Promise<number>;
  /** Stop accepting requests, finish those under way, close storage. */
  close(): Promise<void>;
}

export interface AppOverrides {
  knowledge?: KnowledgeBase;
  storage?: Storage;
  transcripts?: TranscriptStore;
  logger?: Logger;
    /** Clock (ms) of the Direct Line channel: token expiry, rate limits (tests). */
  directLineClock?: () => number;
}

export function createApp(config: Config, overrides: AppOverrides = {}): App {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);

  let knowledge = overrides.knowledge;
  if (!knowledge) {
    const loaded = loadKnowledge(config.KNOWLEDGE_DIR ? { extraDir: config.KNOWLEDGE_DIR } : {});
    for (const issue of loaded.issues) logger.warn(`tri thức: ${formatIssue(issue)}`);
    knowledge = loaded.knowledge;
  }
  const buildStart = performance.now();
  const matcher = buildMatcher(knowledge);
  logger.info(`Đã nạp ${knowledge.records.length} thủ tục, dựng chỉ mục trong ${(performance.now() - buildStart).toFixed(0)} ms`);

  let db: Database.Database | undefined;
  const useSqlite = config.STORAGE === 'sqlite' && (!overrides.storage || !overrides.transcripts);
  if (useSqlite) db = openDatabase(config.dataDir);
  const storage: Storage = overrides.storage ?? (db ? new SqliteStorage(db) : new MemoryStorage());
  const transcripts: TranscriptStore = overrides.transcripts ?? (db ? new SqliteTranscriptStore(db) : new MemoryTranscriptStore());

  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const conversationData = conversationState.createProperty<ConversationData>('conversationData');
  const settings: BotServices['settings'] = {
    organisation: config.ORGANISATION_NAME,
    feedbackUrl: config.FEEDBACK_URL,
    popularCodes: DEFAULT_POPULAR_CODES.filter((c) => knowledge.byCode.has(c)),
  };
  if (config.HOTLINE) settings.hotline = config.HOTLINE;
  if (config.PORTAL_PROCEDURE_URL) settings.portalTemplate = config.PORTAL_PROCEDURE_URL;
  const services: BotServices = {
    knowledge,
    matcher,
    settings,
    handoff: new ContactInfoHandoff(config.FEEDBACK_URL, config.HOTLINE),
  };
  const dialog = new MainDialog(services, conversationData);
  const bot = new AssistantBot(conversationState, userState, dialog);

  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType || (config.MicrosoftAppId ? 'MultiTenant' : ''),
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  if (config.TRANSCRIPTS) adapter.use(new TranscriptLoggerMiddleware(transcripts));
  adapter.onTurnError = async (context: TurnContext, error: Error): Promise<void> => {
    logger.error(`Lỗi khi xử lý lượt hội thoại ${context.activity.conversation?.id ?? '?'}: ${error.stack ?? error.message}`);
    try {
      await context.sendActivity('Xin lỗi Anh/Chị, hệ thống vừa gặp sự cố khi xử lý tin nhắn. Anh/Chị vui lòng thử lại sau ít phút.');
      await conversationState.delete(context);
    } catch (sendError) {
      logger.error(`Không gửi được thông báo lỗi: ${(sendError as Error).message}`);
    }
  };

  const server = restify.createServer({ name: 'tro-ly-thu-tuc', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok', procedures: knowledge.records.length, uptimeSeconds: Math.round(process.uptime()) });
    return next();
  });

  server.post('/api/messages', async (req, res) => {
    const problem = checkActivity(req.body);
    if (problem) {
      res.send(problem.status, { error: problem.message, fields: problem.fields });
      return;
    }
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } catch (err) {
      logger.error(`/api/messages: ${(err as Error).message}`);
      if (!res.headersSent) res.send(500, { error: 'Lỗi máy chủ khi xử lý activity.' });
    }
  });

  // The self-hosted Direct Line channel and the Web Chat widget: /v3/directline/*, /api/webchat/token, /, /webchat/*.
  const directLine = createDirectLine({
    config,
    server,
    bot,
    transcripts,
    logger,
    db,
    onTurnError: adapter.onTurnError,
    now: overrides.directLineClock,
  });
  registerWebChat({ config, server, directLine, logger });

  server.on('restifyError', (req, res, err, callback) => {
    logger.debug(`${req.method} ${req.url}: ${String(err)}`);
    return callback();
  });

  let closed = false;
  return {
    server,
    adapter,
    bot,
    services,
    transcripts,
    logger,
    directLine,
    listen: () =>
      new Promise((resolvePromise, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => {
          const address = server.address();
          resolvePromise(address.port);
        });
      }),
    close: async () => {
      if (closed) return;
      closed = true;
      await directLine.close(); // WebSockets and turns under way
      await new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        // Idle keep-alive connections would hold close() open.
        server.server.closeIdleConnections?.();
      });
      db?.close();
    },
  };
}
