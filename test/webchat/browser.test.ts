/**
 * A person in a browser: Debian's Chromium, driven by playwright-core, opens the demo page, types an
 * unaccented question, sees the procedure card, presses its "Giấy tờ cần chuẩn bị" action, sees the
 * documents list, reloads the page and sees the conversation again; then the one-line embed opens the
 * same conversation in its floating panel. Screenshots and the measured times go to test-artifacts/.
 *
 * Runs when /usr/bin/chromium (or CHROMIUM_PATH) exists; skipped without it, and failing under CI.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/directline.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const underCi = process.env.CI === 'true' || process.env.CI === '1';

const QUESTION = 'lam ho chieu o dau';
const WELCOME = 'Xin chào Anh/Chị';
const DOCUMENTS_BUTTON = 'Giấy tờ cần chuẩn bị';
const DOCUMENTS_LIST = 'Giấy tờ cần chuẩn bị:';

function describeWithChromium(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) describe(name, body);
  else if (underCi) {
    describe(name, () => {
      it(`needs ${CHROMIUM} (required under CI; .ci/run installs Debian's chromium)`, () => {
        throw new Error(`${CHROMIUM} is missing`);
      });
    });
  } else describe.skip(`${name} — skipped: ${CHROMIUM} not found (apt-get install -y chromium)`, body);
}

interface StoredSession {
  conversationId: string;
  token: string;
  userId: string;
  watermark: string;
}

describeWithChromium('the widget in Chromium', () => {
  let running: RunningApp;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const problems: string[] = [];
  const timings: Record<string, number> = {};

  const storedSession = (p: Page | ReturnType<Page['mainFrame']>): Promise<StoredSession | null> =>
    p.evaluate(() => JSON.parse(sessionStorage.getItem('tro-ly-thu-tuc:webchat') ?? 'null') as StoredSession | null);

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    running = await startApp();
    profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 860 },
      locale: 'vi-VN',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
  });

  afterAll(async () => {
    await context?.close();
    await running?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    writeFileSync(join(ARTIFACTS, 'webchat-timing.json'), `${JSON.stringify(timings, null, 2)}\n`);
  });

  it('chats: question → procedure card → documents list; the history survives a reload', async () => {
    const opened = Date.now();
    await page.goto(`${running.base}/`);
    await page.getByText(WELCOME).first().waitFor();
    timings.pageLoadToWelcomeMs = Date.now() - opened;

    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill(QUESTION);
    const sent = Date.now();
    await input.press('Enter');
    // The first reply: the procedure card with its actions.
    const documentsAction = page.locator('.ac-pushButton', { hasText: DOCUMENTS_BUTTON }).last();
    await documentsAction.waitFor();
    timings.firstReplyMs = Date.now() - sent;
    await expect(page.locator('.ac-container', { hasText: 'hộ chiếu' }).first().isVisible()).resolves.toBe(true);

    await documentsAction.click();
    await page.getByText(DOCUMENTS_LIST).first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'webchat-conversation.png') });

    const before = await storedSession(page);
    expect(before).not.toBeNull();
    expect(Number(before!.watermark)).toBeGreaterThanOrEqual(5);
    expect(before!.userId).toMatch(/^dl_/);

    const reloaded = Date.now();
    await page.reload();
    await page.getByText(DOCUMENTS_LIST).first().waitFor();
    timings.reloadToHistoryMs = Date.now() - reloaded;
    await expect(page.getByText(QUESTION).count()).resolves.toBeGreaterThanOrEqual(1);
    // The same conversation, not a new one: one welcome only.
    await expect(page.locator('.webchat__bubble', { hasText: WELCOME }).count()).resolves.toBe(1);
    const after = await storedSession(page);
    expect(after?.conversationId).toBe(before!.conversationId);
    await page.screenshot({ path: join(ARTIFACTS, 'webchat-after-reload.png') });

    // Still talking after the reload: the bot remembers the procedure.
    await page.locator('[data-id="webchat-sendbox-input"]').fill('le phi bao nhieu');
    await page.locator('[data-id="webchat-sendbox-input"]').press('Enter');
    await page.getByText('Phí, lệ phí').first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'webchat.png') });

    expect(problems).toEqual([]);
    console.log(`Web Chat timings (ms): ${JSON.stringify(timings)}`);
  });

  it('the one-line embed opens the chat in a floating panel, with the same conversation', async () => {
    await page.goto(`${running.base}/webchat/embed-demo`);
    const button = page.getByRole('button', { name: /Mở khung trò chuyện/ });
    await button.click();
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    const frame = page.frameLocator('iframe[src$="/webchat/frame"]');
    await frame.getByText(DOCUMENTS_LIST).first().waitFor();
    await frame.getByText('Phí, lệ phí').first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'webchat-embed.png') });
    expect(problems).toEqual([]);
  });
});
