/**
 * The Direct Line endpoint with botframework-directlinejs (Web Chat's own client) against the running
 * service: start, send, receive by polling and by WebSocket, reconnect with a watermark, token expiry and
 * refresh, a token of another conversation refused, a proactive message delivered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import {
  call,
  Client,
  ConnectionStatus,
  installPolyfills,
  readable,
  seq,
  startApp,
  webChatToken,
  type RunningApp,
} from '../support/directline.js';

installPolyfills();

const QUESTION = 'lam ho chieu o dau';
const PROCEDURE = 'hộ chiếu';
const ID = /^[A-Za-z0-9_-]+\|\d{7}$/;

describe('Direct Line with botframework-directlinejs', () => {
  let running: RunningApp;
  const clock = { offsetMs: 0 };
  const clients: Client[] = [];
  const client = (options: ConstructorParameters<typeof Client>[0]): Client => {
    const c = new Client({ domain: running.domain, ...options });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    running = await startApp(
      { DIRECTLINE_TOKEN_TTL_SECONDS: '600', DIRECTLINE_RATE_LIMIT_PER_MINUTE: '600', DIRECTLINE_START_RATE_LIMIT_PER_MINUTE: '600' },
      { directLineClock: () => Date.now() + clock.offsetMs },
    );
  });

  afterAll(async () => {
    for (const c of clients) c.end();
    await running?.close();
  });

  it('starts a conversation, sends and receives by polling; the bot sees channel "directline"', async () => {
    const { token, conversationId, userId } = await webChatToken(running.base);
    const c = client({ token, webSocket: false });

    const welcome = await c.waitForBotText('Xin chào Anh/Chị');
    expect(welcome.id).toMatch(ID);
    expect(welcome.id!.startsWith(`${conversationId}|`)).toBe(true);
    expect(welcome.channelId).toBe('directline');
    // The welcome came from the conversationUpdate the service delivered on start; the menu follows it.
    await c.waitFor((a) => (a as { suggestedActions?: unknown }).suggestedActions !== undefined, 'the welcome menu');

    const id = await c.send(QUESTION, { channelData: { clientActivityID: 'client-1' } } as never);
    expect(id).toMatch(ID);
    // The client's own activity comes back to it (Web Chat waits for this echo), with the server's id.
    const echo = await c.waitFor((a) => a.id === id, 'echo');
    expect(echo.from).toMatchObject({ id: userId, role: 'user' });
    expect((echo.channelData as { clientActivityID?: string }).clientActivityID).toBe('client-1');
    expect((echo as { text?: string }).text).toBe(QUESTION);

    const card = await c.waitForBotText(PROCEDURE, id);
    expect(readable(card)).toContain('[Giấy tờ cần chuẩn bị]');
    expect(card.channelId).toBe('directline');

    // Transcripts are kept for this channel as for /api/messages.
    await running.app.directLine.idle(conversationId);
    const transcript = await running.app.transcripts.getTranscriptActivities('directline', conversationId);
    expect(transcript.items.some((a) => a.text === QUESTION)).toBe(true);
    expect(transcript.items.some((a) => a.from?.role === 'bot')).toBe(true);
  });

  it('receives by WebSocket (streamUrl), including a button press (messageBack value)', async () => {
    const { token, conversationId } = await webChatToken(running.base);
    const c = client({ token, webSocket: true, WebSocket: NodeWebSocket as unknown as typeof WebSocket });
    await c.waitForBotText('Xin chào Anh/Chị');
    expect(running.app.directLine.streams.count(conversationId)).toBe(1);

    const id = await c.send(QUESTION);
    const card = await c.waitForBotText(PROCEDURE, id);
    const code = /Mã thủ tục: ([\d.]+)/.exec(readable(card))?.[1];
    expect(code).toBeDefined();

    const pressed = await c.send('Giấy tờ cần chuẩn bị', { value: { action: 'documents', code } } as never);
    await c.waitForBotText('Giấy tờ cần chuẩn bị:', pressed);
  });

  it('reconnects with a watermark: only what came after it, or the whole history from 0', async () => {
    const { token, conversationId } = await webChatToken(running.base);
    const first = client({ token, webSocket: false });
    await first.waitForBotText('Xin chào Anh/Chị');
    const asked = await first.send(QUESTION);
    const answer = await first.waitForBotText(PROCEDURE, asked);
    await running.app.directLine.idle(conversationId);
    const lastSeen = Math.max(...first.received.map((a) => seq(a.id ?? '')));
    expect(lastSeen).toBeGreaterThanOrEqual(seq(answer.id!));
    first.end();

    // A reloaded page: same conversation and token, the watermark it had.
    const again = client({ token, conversationId, watermark: String(lastSeen), webSocket: true, WebSocket: NodeWebSocket as unknown as typeof WebSocket });
    await again.status(ConnectionStatus.Online);
    const next = await again.send('thế lệ phí bao nhiêu?');
    await again.waitForBotText('Phí, lệ phí', next);
    expect(Math.min(...again.received.map((a) => seq(a.id ?? '')))).toBe(lastSeen + 1);
    expect(again.received.some((a) => readable(a).includes('Xin chào Anh/Chị'))).toBe(false);
    again.end();

    // From watermark 0: the whole history, in order, and no second welcome.
    const history = client({ token, conversationId, watermark: '0', webSocket: false });
    await history.waitForBotText('Phí, lệ phí');
    const seqs = history.received.map((a) => seq(a.id ?? ''));
    expect(seqs[0]).toBe(1);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(history.received.filter((a) => readable(a).includes('Xin chào Anh/Chị'))).toHaveLength(1);
    expect(history.received.some((a) => (a as { text?: string }).text === QUESTION)).toBe(true);
  });

  it('expires tokens, refreshes them, and lets the client reconnect with a fresh one', async () => {
    const { token, conversationId } = await webChatToken(running.base);
    const c = client({ token, webSocket: false });
    await c.waitForBotText('Xin chào Anh/Chị');

    // Refresh: a new token for the same conversation that lasts longer.
    clock.offsetMs += 60_000;
    const refreshed = await call(`${running.domain}/tokens/refresh`, { method: 'POST', token });
    expect(refreshed.status).toBe(200);
    const fresh = refreshed.body as { conversationId: string; token: string; expires_in: number };
    expect(fresh.conversationId).toBe(conversationId);
    expect(fresh.expires_in).toBe(600);
    expect(fresh.token).not.toBe(token);

    // Past the first token's expiry (not the refreshed one's): the old token gets 403, the client notices.
    clock.offsetMs += 570_000;
    const expired = await call(`${running.domain}/conversations/${conversationId}/activities`, { token });
    expect(expired.status).toBe(403);
    expect(expired.body).toMatchObject({ error: { code: 'TokenExpired' } });
    expect((await call(`${running.domain}/tokens/refresh`, { method: 'POST', token })).status).toBe(403);
    await c.status(ConnectionStatus.ExpiredToken);
    // directlinejs answers a post with an expired token by "retry", waiting for a new token.
    expect(await c.send('còn đó không?')).toBe('retry');

    // The page hands the client the refreshed token (as Web Chat's reconnect does): it works again.
    const reconnect = await call(`${running.domain}/conversations/${conversationId}`, { token: fresh.token });
    expect(reconnect.status).toBe(200);
    const conversation = reconnect.body as { conversationId: string; token: string; streamUrl: string };
    c.directLine.reconnect(conversation);
    await c.status(ConnectionStatus.Online);
    const id = await c.send(QUESTION);
    await c.waitForBotText(PROCEDURE, id);
  });

  it('refuses a token of another conversation, and the other conversation goes on', async () => {
    const a = await webChatToken(running.base);
    const b = await webChatToken(running.base);
    const clientB = client({ token: b.token, webSocket: false });
    await clientB.waitForBotText('Xin chào Anh/Chị');

    // directlinejs given A's token and B's conversation: the reconnect is refused, it cannot connect.
    const intruder = client({ token: a.token, conversationId: b.conversationId, webSocket: false });
    await intruder.status(ConnectionStatus.FailedToConnect);
    expect(intruder.errors).toHaveLength(1);

    for (const [method, path] of [
      ['GET', `/conversations/${b.conversationId}`],
      ['GET', `/conversations/${b.conversationId}/activities`],
      ['POST', `/conversations/${b.conversationId}/activities`],
    ] as const) {
      const res = await call(`${running.domain}${path}`, { method, token: a.token, ...(method === 'POST' ? { body: { type: 'message', text: 'xin chào' } } : {}) });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body).toMatchObject({ error: { code: 'Forbidden' } });
    }

    // Nor can A's stream token open B's WebSocket.
    const startA = await call(`${running.domain}/conversations`, { method: 'POST', token: a.token });
    const streamA = new URL((startA.body as { streamUrl: string }).streamUrl);
    const foreign = `${streamA.origin.replace('http', 'ws')}/v3/directline/conversations/${b.conversationId}/stream?t=${streamA.searchParams.get('t')}`;
    const refused = await new Promise<number>((resolvePromise) => {
      const ws = new NodeWebSocket(foreign);
      ws.on('unexpected-response', (_req, res) => resolvePromise(res.statusCode ?? 0));
      ws.on('open', () => resolvePromise(101));
      ws.on('error', () => undefined);
    });
    expect(refused).toBe(403);

    const id = await clientB.send(QUESTION);
    await clientB.waitForBotText(PROCEDURE, id);
    expect(clientB.received.some((x) => readable(x).includes('xin chào'))).toBe(false);
  });

  it('delivers a proactive message sent later, by WebSocket and by polling', async () => {
    const { token, conversationId } = await webChatToken(running.base);
    const live = client({ token, webSocket: true, WebSocket: NodeWebSocket as unknown as typeof WebSocket });
    await live.waitForBotText('Xin chào Anh/Chị');
    await running.app.directLine.idle(conversationId);

    const text = 'Hồ sơ của Anh/Chị đã được tiếp nhận. Mã theo dõi: 2026-000123.';
    const id = await running.app.directLine.sendProactive(conversationId, text);
    expect(id).toMatch(ID);
    const got = await live.waitFor((a) => a.id === id, 'proactive message');
    expect(got).toMatchObject({ type: 'message', text, from: { role: 'bot' }, channelId: 'directline' });

    // Through the adapter's standard proactive API too, with the conversation's reference.
    const reference = running.app.directLine.conversationReference(conversationId)!;
    await running.app.directLine.adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity('Cán bộ đã trả lời câu hỏi của Anh/Chị.');
    });
    await live.waitForBotText('Cán bộ đã trả lời');

    const polled = client({ token, conversationId, watermark: '0', webSocket: false });
    await polled.waitFor((a) => a.id === id, 'proactive message by polling');
    expect(await running.app.directLine.sendProactive('no-such-conversation', 'x').catch((e: Error) => e.message)).toContain('no-such-conversation');
  });
});
