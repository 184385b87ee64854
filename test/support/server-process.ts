/**
 * The real service as a separate process (as `npm start` runs it), and a stand-in for the Bot Framework
 * connector that receives the bot's replies, the way the Emulator does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROJECT_DIR } from './cli.js';

export interface ServerProcess {
  port: number;
  url: string;
  child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: PROJECT_DIR,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const onData = (d: Buffer): void => {
      out += d.toString('utf8');
      const m = /http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        const port = Number(m[1]);
        resolvePromise({
          port,
          url: `http://127.0.0.1:${port}`,
          child,
          output: () => out,
          stop: (signal = 'SIGTERM') =>
            new Promise((done) => {
              if (child.exitCode !== null) return done(child.exitCode);
              child.once('exit', (code) => done(code));
              child.kill(signal);
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

export interface ReceivedActivity {
  type: string;
  text?: string;
  attachments?: Array<{ contentType: string; content: { title?: string; text?: string; buttons?: Array<{ title: string }> } }>;
  suggestedActions?: { actions: Array<{ title: string; value?: unknown }> };
  replyToId?: string;
}

/** Receives POST /v3/conversations/{id}/activities[/{replyToId}] like the Emulator's connector service. */
export class FakeConnector {
  readonly received: ReceivedActivity[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        if (req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) {
          this.received.push(JSON.parse(body) as ReceivedActivity);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: `reply-${this.received.length}` }));
        } else {
          res.writeHead(404).end();
        }
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Text a citizen would read in the replies received since `from`. */
  readable(from = 0): string {
    return this.received
      .slice(from)
      .map((a) =>
        [
          a.text ?? '',
          ...(a.attachments ?? []).flatMap((x) => [x.content?.title ?? '', x.content?.text ?? '', ...(x.content?.buttons ?? []).map((b) => `[${b.title}]`)]),
          ...(a.suggestedActions?.actions ?? []).map((s) => `[${s.title}]`),
        ].join('\n'),
      )
      .join('\n');
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

let counter = 0;

/** An activity as the Emulator posts it. */
export function emulatorActivity(connector: FakeConnector, conversationId: string, fields: Record<string, unknown>): Record<string, unknown> {
  counter++;
  return {
    type: 'message',
    id: `act-${counter}`,
    channelId: 'emulator',
    serviceUrl: connector.url,
    from: { id: 'citizen-1', name: 'Người dân' },
    recipient: { id: 'bot', name: 'Trợ lý' },
    conversation: { id: conversationId },
    timestamp: new Date().toISOString(),
    locale: 'vi-VN',
    ...fields,
  };
}

export async function postActivity(serverUrl: string, activity: unknown, raw?: string): Promise<Response> {
  return fetch(`${serverUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ?? JSON.stringify(activity),
  });
}
