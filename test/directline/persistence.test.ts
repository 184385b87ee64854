/**
 * With the default SQLite storage: the generated Direct Line secret is kept in DATA_DIR (mode 0600), so a
 * token survives a restart, and so does the conversation with its history.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { call, Client, installPolyfills, readable, startApp, webChatToken, type RunningApp } from '../support/directline.js';

installPolyfills();

describe('Direct Line across a restart (STORAGE=sqlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'directline-'));
  const env = { STORAGE: 'sqlite', DATA_DIR: dataDir };
  const open: RunningApp[] = [];
  const clients: Client[] = [];

  afterAll(async () => {
    for (const c of clients) c.end();
    for (const r of open) await r.close();
  });

  it('keeps the secret, the tokens and the conversation', async () => {
    const first = await startApp(env);
    open.push(first);
    const secretFile = join(dataDir, 'directline-secret');
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    const secret = readFileSync(secretFile, 'utf8').trim();
    expect(secret.length).toBeGreaterThanOrEqual(32);

    const { token, conversationId } = await webChatToken(first.base);
    const c = new Client({ domain: first.domain, token, webSocket: false });
    clients.push(c);
    await c.waitForBotText('Xin chào Anh/Chị');
    const asked = await c.send('lam ho chieu o dau');
    await c.waitForBotText('hộ chiếu', asked);
    await first.app.directLine.idle(conversationId);
    c.end();
    await first.close();

    const second = await startApp(env);
    open.push(second);
    expect(readFileSync(secretFile, 'utf8').trim()).toBe(secret);
    // The same token still opens the same conversation, with its history.
    const again = new Client({ domain: second.domain, token, conversationId, watermark: '0', webSocket: false });
    clients.push(again);
    await again.waitForBotText('hộ chiếu');
    expect(again.received.some((a) => readable(a).includes('Xin chào Anh/Chị'))).toBe(true);
    // And the bot remembers what was being discussed (conversation state is in the same database).
    const next = await again.send('thế lệ phí bao nhiêu?');
    await again.waitForBotText('Phí, lệ phí', next);
    // The secret from the file works as a secret.
    expect((await call(`${second.domain}/conversations/${conversationId}`, { token: secret })).status).toBe(200);
  });
});
