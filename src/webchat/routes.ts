/**
 * The widget's routes:
 *
 *   GET  /                      demo portal page with Web Chat embedded
 *   GET  /webchat/frame         the chat alone (what the embed script frames)
 *   GET  /webchat/embed-demo    a portal page using the one-line embed snippet
 *   GET  /webchat/embed.js      the embed script (floating button)
 *   GET  /webchat/chat.js       the page script (token, storage, reconnect)
 *   GET  /webchat/webchat.js    the botframework-webchat bundle, from the installed package
 *   GET  /webchat/assets/:name  stylesheet and default avatar
 *   POST /api/webchat/token     a token for a new conversation (rate-limited; the secret stays on the server)
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type restify from 'restify';
import type { Config } from '../config.js';
import type { DirectLine } from '../directline/index.js';
import { RateLimiter } from '../directline/rate-limiter.js';
import type { Logger } from '../server/logger.js';
import { WebChatBundle, type StaticFile } from './bundle.js';
import { demoPage, embedDemoPage, framePage, scriptJson, type WidgetSettings } from './page.js';

/** The assets directory: beside this module when run from src/, found from the project root when compiled. */
function findAssets(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  const beside = join(dir, 'assets');
  if (existsSync(join(beside, 'chat.js'))) return beside;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'src', 'webchat', 'assets');
    if (existsSync(join(candidate, 'chat.js'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('Không tìm thấy src/webchat/assets');
}

const ASSET_TYPES: Record<string, string> = {
  'portal.css': 'text/css; charset=utf-8',
  'avatar.svg': 'image/svg+xml',
};

export interface WebChatDeps {
  config: Config;
  server: restify.Server;
  directLine: DirectLine;
  logger: Logger;
}

function fileOf(body: Buffer | string, contentType: string): StaticFile {
  const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  return { body: buffer, contentType, etag: `"${createHash('sha256').update(buffer).digest('base64url').slice(0, 27)}"` };
}

function sendFile(req: restify.Request, res: restify.Response, file: StaticFile, cacheControl: string): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('ETag', file.etag);
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Vary', 'Accept-Encoding');
  if (req.headers['if-none-match'] === file.etag) {
    res.writeHead(304);
    res.end();
    return;
  }
  const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = acceptsGzip && file.gzipped ? file.gzipped : file.body;
  if (body === file.gzipped) res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', body.length);
  res.writeHead(200);
  res.end(req.method === 'HEAD' ? undefined : body);
}

export function registerWebChat(deps: WebChatDeps): void {
  const { config, server, directLine, logger } = deps;
  const assetsDir = findAssets();
  const bundle = new WebChatBundle();
  // Start reading and compressing the bundle now, so the first visitor does not wait for it.
  bundle.scriptFile().catch((err: unknown) => logger.error(`Web Chat: không đọc được gói botframework-webchat: ${(err as Error).message}`));

  const read = (name: string): string => readFileSync(join(assetsDir, name), 'utf8');
  const chatScript = fileOf(read('chat.js'), 'application/javascript; charset=utf-8');
  const assets = new Map<string, StaticFile>(
    Object.entries(ASSET_TYPES).map(([name, type]) => [name, fileOf(readFileSync(join(assetsDir, name)), type)]),
  );
  const assetVersion = createHash('sha256')
    .update(chatScript.body)
    .update(assets.get('portal.css')!.body)
    .digest('hex')
    .slice(0, 10);

  const settings: WidgetSettings = {
    title: config.WEBCHAT_TITLE,
    organisation: config.ORGANISATION_NAME,
    primaryColor: config.WEBCHAT_PRIMARY_COLOR,
    botAvatar: config.WEBCHAT_BOT_AVATAR,
    botName: config.WEBCHAT_BOT_NAME,
    storage: config.WEBCHAT_STORAGE,
    historyLimit: config.WEBCHAT_HISTORY_LIMIT,
    bundleVersion: bundle.version,
    assetVersion,
  };
  const embedTemplate = read('embed.js');
  const origins = directLine.origins;

  const csp = (req: restify.Request, frameAncestors: string): string => {
    const ws = origins.baseUrl(req).replace(/^http/, 'ws');
    return [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob: https:",
      "font-src 'self' data:",
      `connect-src 'self' ${ws}`,
      "media-src 'self' data: blob:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      `frame-ancestors ${frameAncestors}`,
    ].join('; ');
  };

  const sendPage = (req: restify.Request, res: restify.Response, html: string, frameAncestors: string): void => {
    const body = Buffer.from(html, 'utf8');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Length', body.length);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Content-Security-Policy', csp(req, frameAncestors));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.writeHead(200);
    res.end(body);
  };

  server.get('/', (req, res, next) => {
    sendPage(req, res, demoPage(settings, origins.baseUrl(req)), "'self'");
    return next();
  });

  server.get('/webchat/frame', (req, res, next) => {
    sendPage(req, res, framePage(settings), origins.frameAncestors());
    return next();
  });

  server.get('/webchat/embed-demo', (req, res, next) => {
    sendPage(req, res, embedDemoPage(settings), "'self'");
    return next();
  });

  server.get('/webchat/embed.js', (req, res, next) => {
    const base = origins.baseUrl(req);
    const avatar = settings.botAvatar.startsWith('/') ? `${base}${settings.botAvatar}` : settings.botAvatar;
    const script = embedTemplate.replace(
      '/*__SETTINGS__*/ null',
      scriptJson({
        title: settings.title,
        primaryColor: settings.primaryColor,
        botAvatar: avatar,
        buttonLabel: 'Hỏi trợ lý ảo',
        openLabel: 'Mở khung trò chuyện',
        closeLabel: 'Đóng khung trò chuyện',
      }),
    );
    // Portals include it from their own pages: readable from anywhere, cached briefly.
    res.setHeader('Access-Control-Allow-Origin', '*');
    sendFile(req, res, fileOf(script, 'application/javascript; charset=utf-8'), 'public, max-age=300');
    return next();
  });

  server.get('/webchat/chat.js', (req, res, next) => {
    sendFile(req, res, chatScript, 'public, max-age=300');
    return next();
  });

  server.get('/webchat/assets/:name', (req, res, next) => {
    const file = assets.get(String((req.params as Record<string, unknown>).name));
    if (!file) {
      res.send(404, { error: { code: 'NotFound', message: 'Không có tệp này.' } });
      return next();
    }
    sendFile(req, res, file, 'public, max-age=3600');
    return next();
  });

  const serveBundle = (load: () => Promise<StaticFile>) => async (req: restify.Request, res: restify.Response): Promise<void> => {
    try {
      const file = await load();
      const versioned = (req.query as Record<string, unknown> | undefined)?.v === bundle.version;
      sendFile(req, res, file, versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    } catch (err) {
      logger.error(`Web Chat: ${(err as Error).message}`);
      res.send(500, { error: { code: 'ServerError', message: 'Không tải được Web Chat.' } });
    }
  };
  server.get('/webchat/webchat.js', serveBundle(() => bundle.scriptFile()));
  server.get('/webchat/webchat.js.LICENSE.txt', serveBundle(() => bundle.licenseFile()));

  logger.info('Web Chat: trang mẫu tại /, mã nhúng /webchat/embed.js, Direct Line tại /v3/directline');

  const tokenLimiter = new RateLimiter(config.DIRECTLINE_START_RATE_LIMIT_PER_MINUTE);
  server.post('/api/webchat/token', (req, res, next) => {
    const decision = tokenLimiter.take(origins.clientAddress(req));
    if (!decision.allowed) {
      res.header('Retry-After', String(decision.retryAfterSeconds));
      res.send(429, { error: { code: 'TooManyRequests', message: 'Quá nhiều yêu cầu; Anh/Chị vui lòng thử lại sau ít giây.' } });
      return next();
    }
    const conversationId = directLine.newConversationId();
    const userId = directLine.newUserId();
    const issued = directLine.tokens.issue(conversationId, userId);
    res.setHeader('Cache-Control', 'no-store');
    res.send(200, { conversationId, token: issued.token, expires_in: issued.expiresIn, userId });
    return next();
  });
}
