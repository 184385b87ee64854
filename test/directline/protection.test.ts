/**
 * What the Direct Line endpoint refuses, and that refusing one client disturbs no other conversation:
 * missing, bad, expired or foreign tokens (401/403), malformed or oversized activities (400/413), a flood
 * from one client (429), browser origins outside the configured portals (CORS, WebSocket Origin).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { call, Client, installPolyfills, startApp, webChatToken, type RunningApp } from '../support/directline.js';

installPolyfills();

const PORTAL = 'https://cong.example.gov.vn';

interface ErrorBody {
  error: { code: string; message: string; fields?: Array<{ path: string; problem: string }> };
}

describe('Direct Line protection', () => {
  let running: RunningApp;
  let a: { conversationId: string; token: string };
  let b: Client;
  let bConversation: string;

  beforeAll(async () => {
    running = await startApp({
      DIRECTLINE_RATE_LIMIT_PER_MINUTE: '9', // bursts of 3
      DIRECTLINE_START_RATE_LIMIT_PER_MINUTE: '600',
      DIRECTLINE_MAX_ACTIVITY_BYTES: '4096',
      WEBCHAT_ALLOWED_ORIGINS: PORTAL,
      DIRECTLINE_SECRET: 'a-test-secret-that-is-long-enough-0123456789',
    });
    const tokenA = await webChatToken(running.base);
    const started = await call(`${running.domain}/conversations`, { method: 'POST', token: tokenA.token });
    expect(started.status).toBe(201);
    a = { conversationId: tokenA.conversationId, token: tokenA.token };
    // Conversation B: a real client that must keep working whatever A does.
    const tokenB = await webChatToken(running.base);
    bConversation = tokenB.conversationId;
    b = new Client({ domain: running.domain, token: tokenB.token, webSocket: false });
    await b.waitForBotText('Xin chào Anh/Chị');
  });

  afterAll(async () => {
    b?.end();
    await running?.close();
  });

  const activities = (conversationId: string): string => `${running.domain}/conversations/${conversationId}/activities`;

  it('401 without a token, 403 for a bad or tampered one', async () => {
    const missing = await call(activities(a.conversationId));
    expect(missing.status).toBe(401);
    expect((missing.body as ErrorBody).error.code).toBe('MissingToken');

    const garbage = await call(activities(a.conversationId), { token: 'not-a-token' });
    expect(garbage.status).toBe(403);
    expect((garbage.body as ErrorBody).error.code).toBe('BadToken');

    // Change the conversation inside the token: the signature no longer matches.
    const [header, payload, signature] = a.token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, conv: bConversation })).toString('base64url')}.${signature}`;
    expect((await call(activities(bConversation), { token: forged })).status).toBe(403);

    // A stream token (from a streamUrl) is no bearer token.
    const conv = await call(`${running.domain}/conversations/${a.conversationId}`, { token: a.token });
    const streamToken = new URL((conv.body as { streamUrl: string }).streamUrl).searchParams.get('t')!;
    expect((await call(activities(a.conversationId), { token: streamToken })).status).toBe(403);
  });

  it('the secret opens every conversation and generates tokens; a token cannot generate', async () => {
    const secret = 'a-test-secret-that-is-long-enough-0123456789';
    expect((await call(activities(a.conversationId), { token: secret })).status).toBe(200);
    const generated = await call(`${running.domain}/tokens/generate`, { method: 'POST', token: secret, body: { user: { id: 'dl_citizen-42' } } });
    expect(generated.status).toBe(200);
    const g = generated.body as { conversationId: string; token: string; expires_in: number };
    expect(g.expires_in).toBe(1800);
    // The generated token starts its own conversation, for the user it names.
    const started = await call(`${running.domain}/conversations`, { method: 'POST', token: g.token });
    expect(started.status).toBe(201);
    expect((started.body as { conversationId: string }).conversationId).toBe(g.conversationId);
    expect(running.app.directLine.store.get(g.conversationId)?.userId).toBe('dl_citizen-42');

    expect((await call(`${running.domain}/tokens/generate`, { method: 'POST', token: a.token })).status).toBe(403);
    expect((await call(`${running.domain}/tokens/refresh`, { method: 'POST', token: secret })).status).toBe(403);
    const badUser = await call(`${running.domain}/tokens/generate`, { method: 'POST', token: secret, body: { user: { id: 'has spaces' } } });
    expect(badUser.status).toBe(400);
    expect((badUser.body as ErrorBody).error.fields?.[0]?.path).toBe('user.id');
    // Unknown conversation with the secret: 404.
    expect((await call(`${running.domain}/conversations/nope`, { token: secret })).status).toBe(404);
  });

  it('400 for malformed or invalid activities, naming the field; 413 for oversized ones', async () => {
    const malformed = await call(activities(a.conversationId), { method: 'POST', token: a.token, rawBody: '{"type": "message", ' });
    expect(malformed.status).toBe(400);
    expect((malformed.body as ErrorBody).error.code).toBe('BadArgument');

    const invalid = await call(activities(a.conversationId), { method: 'POST', token: a.token, body: { type: 'invoke', text: 42 } });
    expect(invalid.status).toBe(400);
    const fields = (invalid.body as ErrorBody).error.fields ?? [];
    expect(fields.map((f) => f.path).sort()).toEqual(['text', 'type']);

    const notObject = await call(activities(a.conversationId), { method: 'POST', token: a.token, body: [1, 2] });
    expect(notObject.status).toBe(400);

    const bigText = await call(activities(a.conversationId), { method: 'POST', token: a.token, body: { type: 'message', text: 'ă'.repeat(3000) } });
    expect(bigText.status).toBe(413);
    expect((bigText.body as ErrorBody).error.code).toBe('TooLarge');

    const beyondServer = await call(activities(a.conversationId), { method: 'POST', token: a.token, body: { type: 'message', text: 'a'.repeat(300_000) } });
    expect(beyondServer.status).toBe(413);
    expect((beyondServer.body as ErrorBody).error.code).toBe('TooLarge');

    const badWatermark = await call(`${activities(a.conversationId)}?watermark=abc`, { token: a.token });
    expect(badWatermark.status).toBe(400);
    expect((badWatermark.body as ErrorBody).error.fields?.[0]?.path).toBe('watermark');

    const upload = await call(`${running.domain}/conversations/${a.conversationId}/upload`, { method: 'POST', token: a.token, body: {} });
    expect(upload.status).toBe(415);
  });

  it('429 for a flood from one conversation, while another conversation goes on', async () => {
    const flooder = await webChatToken(running.base);
    expect((await call(`${running.domain}/conversations`, { method: 'POST', token: flooder.token })).status).toBe(201);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 12; i++) {
      const res = await call(activities(flooder.conversationId), { method: 'POST', token: flooder.token, body: { type: 'message', text: `tin ${i}` } });
      statuses.push(res.status);
      if (res.status === 429) retryAfter ??= res.headers.get('retry-after');
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(8);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);

    const id = await b.send('lam ho chieu o dau');
    await b.waitForBotText('hộ chiếu', id);
  });

  it('CORS only for the service itself and the configured portals', async () => {
    const preflight = (origin: string) =>
      fetch(`${running.domain}/conversations`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' },
      });
    const portal = await preflight(PORTAL);
    expect(portal.status).toBe(204);
    expect(portal.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(portal.headers.get('access-control-allow-headers')).toContain('authorization');
    const self = await preflight(running.base);
    expect(self.status).toBe(204);
    expect(self.headers.get('access-control-allow-origin')).toBe(running.base);

    const other = await preflight('https://evil.example');
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // Actual requests from another origin are refused too, even with a valid token.
    const res = await call(activities(bConversation), { token: a.token, headers: { Origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    const fromPortal = await call(`${running.base}/api/webchat/token`, { method: 'POST', headers: { Origin: PORTAL } });
    expect(fromPortal.status).toBe(200);
    expect(fromPortal.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect((await call(`${running.base}/api/webchat/token`, { method: 'POST', headers: { Origin: 'https://evil.example' } })).status).toBe(403);

    // WebSockets check Origin as well (browsers do not apply CORS to them).
    const conv = await call(`${running.domain}/conversations/${a.conversationId}`, { token: a.token });
    const streamUrl = (conv.body as { streamUrl: string }).streamUrl;
    const open = (origin: string) =>
      new Promise<number>((resolvePromise) => {
        const ws = new NodeWebSocket(streamUrl, { origin });
        ws.on('unexpected-response', (_req, r) => resolvePromise(r.statusCode ?? 0));
        ws.on('open', () => {
          ws.close();
          resolvePromise(101);
        });
        ws.on('error', () => undefined);
      });
    expect(await open('https://evil.example')).toBe(403);
    expect(await open(PORTAL)).toBe(101);
  });

  it('keeps serving after all that', async () => {
    const res = await fetch(`${running.base}/healthz`);
    expect(res.status).toBe(200);
    const id = await b.send('cap doi the can cuoc le phi bao nhieu');
    await b.waitForBotText('Phí, lệ phí', id);
  });
});
