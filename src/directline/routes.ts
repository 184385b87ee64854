/**
 * The Direct Line 3.0 REST surface (what botframework-directlinejs and Web Chat call):
 *
 *   POST /v3/directline/tokens/generate              secret → token for a new conversation
 *   POST /v3/directline/tokens/refresh               token → fresh token, same conversation
 *   POST /v3/directline/conversations                start (secret or token)
 *   GET  /v3/directline/conversations/:id            reconnect: token and a new streamUrl (?watermark=)
 *   POST /v3/directline/conversations/:id/activities send an activity → {id}
 *   GET  /v3/directline/conversations/:id/activities poll (?watermark=) → {activities, watermark}
 *   (WebSocket) streamUrl                            see streaming.ts
 *
 * Plus CORS for the allowed portal origins on these paths and on /api/webchat/.
 */
import type { IncomingMessage } from 'node:http';
import type restify from 'restify';
import { parseClientActivity, parseStartBody, parseWatermark } from './activity.js';
import type { ConversationRecord } from './conversation-store.js';
import { DirectLineError, errors, sendError } from './errors.js';
import { MAX_PENDING_TURNS, type DirectLineCore } from './types.js';
import type { RateLimiter } from './rate-limiter.js';
import type { TokenClaims } from './token-service.js';

const PREFIX = '/v3/directline';
/** Paths whose browser calls get CORS headers (and whose bad requests get Direct Line-shaped errors). */
const CORS_PATH = /^\/(v3\/directline|api\/webchat)(\/|$)/;

type Caller = { kind: 'secret' } | { kind: 'token'; token: string; claims: TokenClaims };

type Handler = (req: restify.Request, res: restify.Response) => Promise<void> | void;

export function registerDirectLineRoutes(server: restify.Server, core: DirectLineCore): void {
  const { tokens, store, origins, limits, config } = core;

  // ---- helpers --------------------------------------------------------------------------------

  const authenticate = (req: IncomingMessage): Caller => {
    const header = req.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) throw errors.missingToken();
    const value = match[1]!;
    if (tokens.isSecret(value)) return { kind: 'secret' };
    const check = tokens.verify(value);
    if (!check.ok) throw check.reason === 'expired' ? errors.expiredToken() : errors.badToken();
    if (check.claims.scope !== 'conversation') throw errors.badToken();
    return { kind: 'token', token: value, claims: check.claims };
  };

  /** The conversation a caller may use: its token's own, or any with the secret. */
  const conversationFor = (caller: Caller, conversationId: string): ConversationRecord => {
    if (caller.kind === 'token' && caller.claims.conv !== conversationId) throw errors.foreignToken();
    const record = store.get(conversationId);
    if (!record) throw errors.conversationNotFound();
    return record;
  };

  const limit = (limiter: RateLimiter, key: string): void => {
    const decision = limiter.take(key);
    if (!decision.allowed) throw errors.tooManyRequests(decision.retryAfterSeconds);
  };

  const streamUrl = (req: IncomingMessage, conversationId: string, watermark: number | undefined): string => {
    const base = origins.baseUrl(req).replace(/^http/, 'ws');
    const streamToken = tokens.issue(conversationId, undefined, 'stream').token;
    const query = new URLSearchParams();
    if (watermark !== undefined) query.set('watermark', String(watermark));
    query.set('t', streamToken);
    return `${base}${PREFIX}/conversations/${encodeURIComponent(conversationId)}/stream?${query.toString()}`;
  };

  const conversationResponse = (req: IncomingMessage, record: ConversationRecord, token: string, expiresIn: number, watermark?: number) => ({
    conversationId: record.id,
    token,
    expires_in: expiresIn,
    streamUrl: streamUrl(req, record.id, watermark),
    referenceGrammarId: '',
  });

  const body = (req: restify.Request): unknown => (req as { body?: unknown }).body;
  const param = (req: restify.Request, name: string): string => String((req.params as Record<string, unknown>)[name] ?? '');
  const query = (req: restify.Request, name: string): unknown => ((req.query ?? {}) as Record<string, unknown>)[name];

  /** Wrap a handler: Direct Line errors become their JSON answer, anything else a 500 that is logged. */
  const handle = (handler: Handler) => async (req: restify.Request, res: restify.Response): Promise<void> => {
    try {
      await handler(req, res);
    } catch (err) {
      if (err instanceof DirectLineError) {
        sendError(res, err);
        return;
      }
      core.logger.error(`${req.method} ${req.url}: ${(err as Error).stack ?? String(err)}`);
      if (!res.headersSent) sendError(res, new DirectLineError(500, 'ServerError', 'Lỗi máy chủ.'));
    }
  };

  // ---- CORS: only the service's own origin and the configured portals --------------------------

  server.pre((req, res, next) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (!CORS_PATH.test(path)) return next();
    const origin = req.headers.origin;
    if (origin !== undefined) {
      if (!origins.isAllowed(origin, req)) {
        sendError(res, errors.originNotAllowed(origin));
        return next(false);
      }
      res.header('Access-Control-Allow-Origin', origin);
      res.header('Vary', 'Origin');
      res.header('Access-Control-Expose-Headers', 'Retry-After');
    }
    if (req.method === 'OPTIONS') {
      const requested = req.headers['access-control-request-headers'];
      const allowHeaders =
        typeof requested === 'string' && /^[\w\-, ]{1,500}$/.test(requested)
          ? requested
          : 'Authorization, Content-Type, x-ms-bot-agent, x-requested-with, Accept';
      res.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.header('Access-Control-Allow-Headers', allowHeaders);
      res.header('Access-Control-Max-Age', '600');
      res.send(204);
      return next(false);
    }
    return next();
  });

  // Body-parser failures on these paths: the same error shape as every other Direct Line error.
  const reshape = (req: restify.Request, _res: restify.Response, err: Error & { toJSON?: () => unknown }, callback: () => void): void => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (CORS_PATH.test(path)) {
      const tooLarge = err.name === 'PayloadTooLargeError' || err.name === 'RequestEntityTooLargeError';
      const message = tooLarge
        ? 'Nội dung yêu cầu quá lớn.'
        : err.name === 'UnsupportedMediaTypeError'
          ? 'Kiểu nội dung không được hỗ trợ; hãy gửi JSON (Content-Type: application/json).'
          : `Nội dung yêu cầu không phải JSON hợp lệ: ${err.message}`;
      err.toJSON = () => ({ error: { code: tooLarge ? 'TooLarge' : 'BadArgument', message } });
    }
    callback();
  };
  for (const name of ['InvalidContent', 'PayloadTooLarge', 'RequestEntityTooLarge', 'UnsupportedMediaType', 'BadRequest']) {
    server.on(name, reshape);
  }

  // ---- tokens ----------------------------------------------------------------------------------

  server.post(
    `${PREFIX}/tokens/generate`,
    handle((req, res) => {
      const caller = authenticate(req);
      if (caller.kind !== 'secret') throw errors.secretRequired();
      const start = parseStartBody(body(req));
      const conversationId = core.newConversationId();
      const userId = start.user?.id ?? core.newUserId();
      const issued = tokens.issue(conversationId, userId);
      res.send(200, { conversationId, token: issued.token, expires_in: issued.expiresIn });
    }),
  );

  server.post(
    `${PREFIX}/tokens/refresh`,
    handle((req, res) => {
      const caller = authenticate(req);
      if (caller.kind !== 'token') throw errors.tokenRequired();
      limit(limits.refresh, caller.claims.conv);
      const issued = tokens.issue(caller.claims.conv, caller.claims.user);
      res.send(200, { conversationId: caller.claims.conv, token: issued.token, expires_in: issued.expiresIn });
    }),
  );

  // ---- conversations ---------------------------------------------------------------------------

  server.post(
    `${PREFIX}/conversations`,
    handle((req, res) => {
      const caller = authenticate(req);
      const start = parseStartBody(body(req));
      const serviceUrl = `${origins.baseUrl(req)}/`;
      if (caller.kind === 'secret') {
        const conversationId = core.newConversationId();
        const user = { id: start.user?.id ?? core.newUserId(), name: start.user?.name ?? '' };
        const record = core.start(conversationId, user, start.locale, serviceUrl);
        const issued = tokens.issue(conversationId, user.id);
        res.send(201, conversationResponse(req, record, issued.token, issued.expiresIn));
        return;
      }
      const { claims } = caller;
      const existing = store.get(claims.conv);
      if (existing) {
        if (claims.user !== undefined && claims.user !== existing.userId) throw errors.foreignToken();
        res.send(200, conversationResponse(req, existing, caller.token, tokens.remainingSeconds(claims)));
        return;
      }
      limit(limits.start, origins.clientAddress(req));
      const user = { id: claims.user ?? start.user?.id ?? core.newUserId(), name: start.user?.name ?? '' };
      const record = core.start(claims.conv, user, start.locale, serviceUrl);
      // A token that named no user is exchanged for one bound to the user now chosen.
      const issued = claims.user !== undefined ? { token: caller.token, expiresIn: tokens.remainingSeconds(claims) } : tokens.issue(claims.conv, user.id);
      res.send(201, conversationResponse(req, record, issued.token, issued.expiresIn));
    }),
  );

  server.get(
    `${PREFIX}/conversations/:conversationId`,
    handle((req, res) => {
      const caller = authenticate(req);
      const record = conversationFor(caller, param(req, 'conversationId'));
      const watermark = parseWatermark(query(req, 'watermark'));
      if (caller.kind === 'secret') {
        const issued = tokens.issue(record.id, record.userId);
        res.send(200, conversationResponse(req, record, issued.token, issued.expiresIn, watermark));
        return;
      }
      res.send(200, conversationResponse(req, record, caller.token, tokens.remainingSeconds(caller.claims), watermark));
    }),
  );

  server.post(
    `${PREFIX}/conversations/:conversationId/activities`,
    handle((req, res) => {
      const caller = authenticate(req);
      const record = conversationFor(caller, param(req, 'conversationId'));
      limit(limits.post, record.id);
      const raw = body(req);
      const declared = Number(req.headers['content-length']);
      const size = Number.isFinite(declared) && declared > 0 ? declared : Buffer.byteLength(JSON.stringify(raw ?? null));
      const activity = parseClientActivity(raw, size, config.DIRECTLINE_MAX_ACTIVITY_BYTES);
      if (core.turns.pending(record.id) >= MAX_PENDING_TURNS) throw errors.tooManyRequests(2);
      const id = core.receive(record, activity);
      res.send(200, { id });
    }),
  );

  server.get(
    `${PREFIX}/conversations/:conversationId/activities`,
    handle((req, res) => {
      const caller = authenticate(req);
      const record = conversationFor(caller, param(req, 'conversationId'));
      limit(limits.poll, record.id);
      const watermark = parseWatermark(query(req, 'watermark'));
      const page = core.page(record.id, watermark);
      res.send(200, { activities: page.activities, watermark: String(page.watermark) });
    }),
  );

  server.post(
    `${PREFIX}/conversations/:conversationId/upload`,
    handle((req) => {
      const caller = authenticate(req);
      conversationFor(caller, param(req, 'conversationId'));
      throw new DirectLineError(415, 'Unsupported', 'Trợ lý chưa nhận tệp đính kèm; Anh/Chị vui lòng gõ câu hỏi bằng chữ.');
    }),
  );
}
