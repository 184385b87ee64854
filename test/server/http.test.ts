/**
 * The real server, started as `npm start` starts it, talked to over HTTP the way the Bot Framework
 * Emulator does: activities posted to /api/messages with a serviceUrl pointing at a local server that
 * receives the bot's replies.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.js';
import { SqliteTranscriptStore } from '../../src/storage/transcript-store.js';
import { emulatorActivity, FakeConnector, postActivity, startServerProcess, type ServerProcess } from '../support/server-process.js';

describe('the service over HTTP', () => {
  const connector = new FakeConnector();
  let server: ServerProcess;

  beforeAll(async () => {
    await connector.start();
    server = await startServerProcess({ DATA_DIR: mkdtempSync(join(tmpdir(), 'bot-http-')) });
  });

  afterAll(async () => {
    await server?.stop();
    await connector.stop();
  });

  async function say(conversation: string, fields: Record<string, unknown>): Promise<string> {
    const from = connector.received.length;
    const res = await postActivity(server.url, emulatorActivity(connector, conversation, fields));
    expect(res.status).toBeLessThan(300);
    return connector.readable(from);
  }

  it('answers /healthz', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', procedures: 107 });
  });

  it('holds a full conversation: question → clarify → answer → facets → checklist', async () => {
    const c = 'conv-full';
    expect(await say(c, { type: 'conversationUpdate', membersAdded: [{ id: 'citizen-1' }] })).toContain('Xin chào Anh/Chị');
    expect(await say(c, { text: 'sổ đỏ' })).toContain('Anh/Chị muốn hỏi thủ tục nào?');
    const answer = await say(c, { text: '1' });
    expect(answer).toContain('Mã thủ tục: 1.013831');
    expect(await say(c, { text: 'thế lệ phí bao nhiêu?' })).toContain('Phí, lệ phí');
    expect(await say(c, { text: 'nop online duoc khong' })).toContain('Anh/Chị có thể nộp hồ sơ theo các cách sau');
    expect(await say(c, { text: 'Kiểm tra giấy tờ của tôi', value: { action: 'checklist', code: '1.013831' } })).toContain(
      'Anh/Chị thuộc trường hợp nào?',
    );
    const start = await say(c, { text: '1' });
    expect(start).toContain('cùng kiểm tra giấy tờ');
    expect(start).toMatch(/\(1\/\d+\) Anh\/Chị đã có/);
    expect(await say(c, { text: 'có' })).toMatch(/\(2\/\d+\)|Trường hợp của Anh\/Chị/);
  });

  it('keeps conversations apart', async () => {
    expect(await say('conv-a', { text: 'đăng ký tạm trú ở đâu' })).toContain('Đăng ký tạm trú');
    expect(await say('conv-b', { text: 'lệ phí bao nhiêu' })).toContain('Anh/Chị muốn hỏi về thủ tục nào ạ?');
    expect(await say('conv-a', { text: 'lệ phí bao nhiêu' })).toContain('Phí, lệ phí');
  });

  it('refuses bad activities with a 4xx that names the field, and keeps serving', async () => {
    const missing = await postActivity(server.url, { type: 'message', text: 'xin chào' });
    expect(missing.status).toBe(400);
    const body = (await missing.json()) as { fields: Array<{ path: string }> };
    expect(body.fields.map((f) => f.path)).toEqual(expect.arrayContaining(['channelId', 'serviceUrl', 'conversation']));

    const wrongType = await postActivity(server.url, { ...emulatorActivity(connector, 'conv-bad', {}), text: 12345 });
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as { fields: Array<{ path: string }> }).fields[0]!.path).toBe('text');

    const notJson = await postActivity(server.url, undefined, '{"type": "message", ');
    expect(notJson.status).toBe(400);

    const arrayBody = await postActivity(server.url, [1, 2, 3]);
    expect(arrayBody.status).toBe(400);

    const hugeText = await postActivity(server.url, emulatorActivity(connector, 'conv-bad', { text: 'a'.repeat(30_000) }));
    expect(hugeText.status).toBe(413);

    const hugeBody = await postActivity(server.url, emulatorActivity(connector, 'conv-bad', { text: 'ok', channelData: { x: 'b'.repeat(400_000) } }));
    expect(hugeBody.status).toBe(413);

    const longButAllowed = await say('conv-long', { text: `${'xin chào '.repeat(1500)} làm giấy khai sinh cho con cần gì` });
    expect(longButAllowed).toContain('Tin nhắn khá dài');

    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await say('conv-after', { text: 'đăng ký thường trú' })).toContain('Đăng ký thường trú');
  });

  it('stops cleanly on SIGTERM', async () => {
    const other = await startServerProcess({ DATA_DIR: mkdtempSync(join(tmpdir(), 'bot-stop-')) });
    const code = await other.stop('SIGTERM');
    expect(code).toBe(0);
    expect(other.output()).toContain('Đã dừng.');
  });
});

describe('a conversation survives a restart of the server process', () => {
  it('continues a checklist after the process is stopped and started again', async () => {
    const connector = new FakeConnector();
    await connector.start();
    const dataDir = mkdtempSync(join(tmpdir(), 'bot-restart-'));
    const talk = async (server: ServerProcess, fields: Record<string, unknown>): Promise<string> => {
      const from = connector.received.length;
      const res = await postActivity(server.url, emulatorActivity(connector, 'conv-restart', fields));
      expect(res.status).toBeLessThan(300);
      return connector.readable(from);
    };

    const first = await startServerProcess({ DATA_DIR: dataDir });
    await talk(first, { text: 'Kiểm tra giấy tờ của tôi', value: { action: 'checklist', code: '1.014064' } });
    expect(await talk(first, { text: 'có' })).toContain('(2/5)');
    expect(await first.stop()).toBe(0);

    const second = await startServerProcess({ DATA_DIR: dataDir });
    try {
      expect(await talk(second, { text: 'chưa' })).toContain('Giấy tờ tiếp theo chỉ cần khi người đại diện hợp pháp');
    } finally {
      await second.stop();
      await connector.stop();
    }

    // Every turn of both runs is in the transcript store officers read: the citizen's and the bot's.
    const db = openDatabase(dataDir);
    try {
      const transcripts = new SqliteTranscriptStore(db);
      const page = await transcripts.getTranscriptActivities('emulator', 'conv-restart');
      const said = page.items.filter((a) => a.type === 'message').map((a) => `${a.from.role === 'bot' || a.from.id === 'bot' ? 'bot' : 'user'}: ${a.text ?? ''}`);
      expect(said.filter((x) => x.startsWith('user:')).map((x) => x.slice(6))).toEqual(['Kiểm tra giấy tờ của tôi', 'có', 'chưa']);
      expect(said.filter((x) => x.startsWith('bot:')).length).toBeGreaterThanOrEqual(3);
    } finally {
      db.close();
    }
  });
});
