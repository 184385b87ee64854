/**
 * Running the real service in-process and talking to it with botframework-directlinejs, the client Web
 * Chat uses. Node 20 has no XMLHttpRequest (directlinejs sends through RxJS's ajax) nor a global WebSocket:
 * `installPolyfills` gives it xhr2's XMLHttpRequest and the `ws` package's WebSocket.
 */
import { createRequire } from 'node:module';
import { ConnectionStatus, DirectLine, type Activity, type DirectLineOptions } from 'botframework-directlinejs';
import { WebSocket as NodeWebSocket } from 'ws';
import { loadConfig } from '../../src/config.js';
import { createApp, type App, type AppOverrides } from '../../src/server/app.js';

export { ConnectionStatus, DirectLine, type Activity };

const require = createRequire(import.meta.url);

/**
 * XMLHttpRequest (xhr2) and WebSocket (ws) as globals, as a browser has them (directlinejs needs the
 * WebSocket class to exist even when told to poll).
 */
export function installPolyfills(): void {
  const globals = globalThis as Record<string, unknown>;
  globals.XMLHttpRequest ??= require('xhr2') as unknown;
  globals.WebSocket ??= NodeWebSocket;
}

export interface RunningApp {
  app: App;
  base: string;
  domain: string;
  close(): Promise<void>;
}

/** The real service on a free port, as tests start it (memory storage, quiet logs unless LOG_LEVEL is set). */
export async function startApp(env: Record<string, string> = {}, overrides: AppOverrides = {}): Promise<RunningApp> {
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    STORAGE: 'memory',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  const app = createApp(config, overrides);
  const port = await app.listen();
  const base = `http://127.0.0.1:${port}`;
  return { app, base, domain: `${base}/v3/directline`, close: () => app.close() };
}

export interface WebChatToken {
  conversationId: string;
  token: string;
  expires_in: number;
  userId: string;
}

/** A token for a new conversation, as the widget's page gets one. */
export async function webChatToken(base: string): Promise<WebChatToken> {
  const res = await fetch(`${base}/api/webchat/token`, { method: 'POST' });
  if (res.status !== 200) throw new Error(`/api/webchat/token: ${res.status} ${await res.text()}`);
  return (await res.json()) as WebChatToken;
}

/** A directlinejs client that records every activity it receives and lets a test wait for one. */
export class Client {
  readonly directLine: DirectLine;
  readonly received: Activity[] = [];
  private readonly waiters: Array<{ test: (a: Activity) => boolean; resolve: (a: Activity) => void }> = [];
  private readonly subscriptions: Array<{ unsubscribe(): void }> = [];
  readonly statuses: ConnectionStatus[] = [];
  readonly errors: unknown[] = [];

  constructor(options: DirectLineOptions & { WebSocket?: typeof WebSocket }) {
    this.directLine = new DirectLine({ pollingInterval: 200, timeout: 10_000, ...options });
    this.subscriptions.push(
      this.directLine.activity$.subscribe(
        (activity) => {
          this.received.push(activity);
          for (const w of [...this.waiters]) {
            if (w.test(activity)) {
              this.waiters.splice(this.waiters.indexOf(w), 1);
              w.resolve(activity);
            }
          }
        },
        // A client that cannot connect ends its activity stream with the error; the status says it.
        (error: unknown) => this.errors.push(error),
      ),
    );
    this.subscriptions.push(this.directLine.connectionStatus$.subscribe((s) => this.statuses.push(s)));
  }

  /** The first activity (already received or coming) that passes `test`. */
  waitFor(test: (a: Activity) => boolean, what = 'activity', timeoutMs = 15_000): Promise<Activity> {
    const found = this.received.find(test);
    if (found) return Promise.resolve(found);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.findIndex((w) => w.resolve === done);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`timed out waiting for ${what}; received: ${JSON.stringify(this.received.map(summary))}`));
      }, timeoutMs);
      const done = (a: Activity): void => {
        clearTimeout(timer);
        resolvePromise(a);
      };
      this.waiters.push({ test, resolve: done });
    });
  }

  /** Wait for a bot message whose text (or card) contains `text`, received after the activity with `afterId`. */
  waitForBotText(text: string, afterId?: string): Promise<Activity> {
    const afterSeq = afterId ? seq(afterId) : 0;
    return this.waitFor((a) => a.from.role === 'bot' && seq(a.id ?? '') > afterSeq && readable(a).includes(text), `bot text "${text}"`);
  }

  /** Resolves when the connection status becomes `status`. */
  status(status: ConnectionStatus, timeoutMs = 15_000): Promise<void> {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`status ${status} not reached; saw ${this.statuses.join(',')}`)), timeoutMs);
      const sub = this.directLine.connectionStatus$.subscribe((s) => {
        if (s === status) {
          clearTimeout(timer);
          setTimeout(() => sub.unsubscribe(), 0);
          resolvePromise();
        }
      });
      this.subscriptions.push(sub);
    });
  }

  /** Post a message (or another activity); resolves with the id the server gave it. */
  send(text: string, extra: Partial<Activity> = {}): Promise<string> {
    const activity = { type: 'message', from: { id: 'client-chosen-id', role: 'user' }, text, ...extra } as Activity;
    return new Promise((resolvePromise, reject) => {
      this.directLine.postActivity(activity).subscribe(
        (id: string) => resolvePromise(id),
        (error: unknown) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
      );
    });
  }

  end(): void {
    for (const s of this.subscriptions) s.unsubscribe();
    this.directLine.end();
  }
}

/** The seq part of an activity id (`<conversation>|0000012` → 12). */
export function seq(activityId: string): number {
  const n = Number(activityId.slice(activityId.lastIndexOf('|') + 1));
  return Number.isFinite(n) ? n : 0;
}

interface CardContent {
  title?: string;
  text?: string;
  buttons?: Array<{ title?: string }>;
}

/** Everything a person reads in an activity: text, card titles, texts and buttons, suggested actions. */
export function readable(activity: Activity): string {
  const parts: string[] = [];
  const a = activity as Activity & {
    text?: string;
    attachments?: Array<{ content?: CardContent }>;
    suggestedActions?: { actions: Array<{ title?: string }> };
  };
  if (a.text) parts.push(a.text);
  for (const att of a.attachments ?? []) {
    const c = att.content;
    if (!c) continue;
    if (c.title) parts.push(c.title);
    if (c.text) parts.push(c.text);
    for (const b of c.buttons ?? []) if (b.title) parts.push(`[${b.title}]`);
  }
  for (const s of a.suggestedActions?.actions ?? []) if (s.title) parts.push(`(${s.title})`);
  return parts.join('\n');
}

function summary(a: Activity): string {
  return `${a.id ?? '?'} ${a.type} ${a.from?.role ?? '?'}: ${readable(a).slice(0, 60)}`;
}

/** fetch with a bearer token, JSON in and out. */
export async function call(
  url: string,
  init: { method?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.token !== undefined) headers.Authorization = `Bearer ${init.token}`;
  let payload: string | undefined;
  if (init.rawBody !== undefined) payload = init.rawBody;
  else if (init.body !== undefined) payload = JSON.stringify(init.body);
  if (payload !== undefined) headers['Content-Type'] ??= 'application/json';
  const res = await fetch(url, { method: init.method ?? 'GET', headers, ...(payload !== undefined ? { body: payload } : {}) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body, headers: res.headers };
}
