/** The widget's pages, scripts and token endpoint, over HTTP (the browser test drives them for real). */
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startApp, type RunningApp } from '../support/directline.js';

const PORTAL = 'https://cong.example.gov.vn';

/** A GET that shows the bytes as sent (fetch would undo the gzip). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolvePromise, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('Web Chat widget routes', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp({
      WEBCHAT_ALLOWED_ORIGINS: PORTAL,
      WEBCHAT_TITLE: 'Trợ lý <thử nghiệm>',
      WEBCHAT_PRIMARY_COLOR: '#0B5CAB',
      ORGANISATION_NAME: 'Cổng Dịch vụ công tỉnh Thử Nghiệm',
      DIRECTLINE_START_RATE_LIMIT_PER_MINUTE: '6',
    });
  });

  afterAll(async () => {
    await running?.close();
  });

  it('serves the demo page in Vietnamese, with the portal look and the embed snippet', async () => {
    const res = await fetch(`${running.base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Trợ lý &lt;thử nghiệm&gt;'); // escaped
    expect(html).toContain('--primary: #0B5CAB');
    expect(html).toContain('Cổng Dịch vụ công tỉnh Thử Nghiệm');
    expect(html).toContain(`&lt;script src=&quot;${running.base}/webchat/embed.js&quot; async&gt;&lt;/script&gt;`);
    expect(html).toMatch(/<script src="\/webchat\/webchat\.js\?v=4\.\d+\.\d+"><\/script>/);
    const settings = JSON.parse(/<script id="webchat-settings" type="application\/json">(.*?)<\/script>/s.exec(html)![1]!) as Record<string, unknown>;
    expect(settings).toMatchObject({ locale: 'vi-VN', storage: 'session', primaryColor: '#0B5CAB', title: 'Trợ lý <thử nghiệm>' });
    // No secret anywhere in what the browser gets.
    expect(html).not.toMatch(/secret/i);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
  });

  it('lets only the configured portals frame the chat', async () => {
    const res = await fetch(`${running.base}/webchat/frame`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain(`frame-ancestors 'self' ${PORTAL}`);
    expect(await res.text()).toContain('id="webchat"');
  });

  it('serves the one-line embed script with the portal settings filled in', async () => {
    const res = await fetch(`${running.base}/webchat/embed.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    const js = await res.text();
    expect(js).not.toContain('/*__SETTINGS__*/');
    expect(js).toContain('"primaryColor":"#0B5CAB"');
    expect(js).toContain('Hỏi trợ lý ảo');
    expect(js).toContain('/webchat/frame');
    expect(js).toContain('\\u003cthử nghiệm\\u003e'); // safe inside a script
  });

  it('serves the Web Chat bundle from the installed package, compressed and cacheable', async () => {
    const home = await (await fetch(`${running.base}/`)).text();
    const src = /<script src="(\/webchat\/webchat\.js\?v=[^"]+)"/.exec(home)![1]!;
    const res = await rawGet(`${running.base}${src}`, { 'Accept-Encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toContain('immutable');
    const js = gunzipSync(res.body).toString('utf8');
    expect(js.length).toBeGreaterThan(1_000_000);
    expect(js).toContain('renderWebChat');
    const again = await rawGet(`${running.base}${src}`, { 'If-None-Match': String(res.headers.etag) });
    expect(again.status).toBe(304);
    expect((await fetch(`${running.base}/webchat/assets/avatar.svg`)).status).toBe(200);
    expect((await fetch(`${running.base}/webchat/assets/../config.ts`)).status).toBe(404);
  });

  it('gives the page a token for a new conversation, rate-limited per client', async () => {
    const first = await call(`${running.base}/api/webchat/token`, { method: 'POST' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ conversationId: expect.any(String), token: expect.any(String), expires_in: 1800, userId: expect.stringMatching(/^dl_/) });
    expect(first.headers.get('cache-control')).toBe('no-store');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await call(`${running.base}/api/webchat/token`, { method: 'POST' })).status);
    expect(statuses).toContain(429);
  });
});
