/**
 * Receiving by WebSocket (the `streamUrl` of a conversation): on connect the client gets the activities
 * after the watermark in its streamUrl, then every new one as it is delivered, as Direct Line activity
 * sets (`{"activities": [...], "watermark": "12"}`). Clients only send empty keep-alive messages; the
 * server pings to find dead connections.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Activity } from 'botbuilder';
import { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../server/logger.js';

export const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/?#]+)\/stream$/;

export interface ActivitySet {
  activities: Activity[];
  watermark: string;
}

export type StreamAdmission =
  | { ok: true; conversationId: string; watermark: number }
  | { ok: false; status: 400 | 401 | 403 | 404 | 429; reason: string };

export interface StreamHubOptions {
  /** Decide whether an upgrade request may open the stream (token, origin, conversation). */
  admit(request: IncomingMessage, url: URL, conversationId: string): StreamAdmission;
  /** Activities after the watermark, for a client that just connected. */
  backlog(conversationId: string, watermark: number): ActivitySet;
  logger: Logger;
  /** Most sockets open on one conversation at once. */
  maxSocketsPerConversation?: number;
  pingIntervalMs?: number;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
};

const ERROR_CODE: Record<number, string> = {
  400: 'BadArgument',
  401: 'MissingToken',
  403: 'Forbidden',
  404: 'NotFound',
  429: 'TooManyRequests',
};

interface Tracked extends WebSocket {
  alive?: boolean;
}

export class StreamHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096, perMessageDeflate: false });
  private readonly sockets = new Map<string, Set<Tracked>>();
  private readonly pinger: NodeJS.Timeout;
  private readonly onUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
  private closed = false;

  constructor(
    private readonly server: Server,
    private readonly options: StreamHubOptions,
  ) {
    this.onUpgrade = (request, socket, head) => this.upgrade(request, socket, head);
    server.on('upgrade', this.onUpgrade);
    this.pinger = setInterval(() => this.ping(), options.pingIntervalMs ?? 30_000);
    this.pinger.unref();
  }

  /** Push an activity set to every socket of the conversation. */
  publish(conversationId: string, set: ActivitySet): void {
    const sockets = this.sockets.get(conversationId);
    if (!sockets) return;
    const data = JSON.stringify(set);
    for (const ws of sockets) {
      if (ws.readyState === WebSocket.OPEN) ws.send(data);
    }
  }

  /** Open sockets (of one conversation, or all). */
  count(conversationId?: string): number {
    if (conversationId !== undefined) return this.sockets.get(conversationId)?.size ?? 0;
    let n = 0;
    for (const set of this.sockets.values()) n += set.size;
    return n;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.pinger);
    this.server.off('upgrade', this.onUpgrade);
    for (const set of this.sockets.values()) for (const ws of set) ws.terminate();
    this.sockets.clear();
    this.wss.close();
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) {
      // Not ours: leave it to another upgrade handler if there is one.
      if (this.server.listenerCount('upgrade') <= 1) refuse(socket, 404, 'Không có WebSocket ở địa chỉ này.');
      return;
    }
    socket.on('error', (err) => this.options.logger.debug(`Direct Line stream socket: ${err.message}`));
    if (this.closed) return refuse(socket, 404, 'Máy chủ đang dừng.');
    const conversationId = decodeURIComponent(match[1]!);
    const admission = this.options.admit(request, url, conversationId);
    if (!admission.ok) return refuse(socket, admission.status, admission.reason);
    const limit = this.options.maxSocketsPerConversation ?? 8;
    if (this.count(admission.conversationId) >= limit) return refuse(socket, 429, 'Quá nhiều kết nối cho cuộc trò chuyện này.');

    this.wss.handleUpgrade(request, socket, head, (ws: Tracked) => {
      ws.alive = true;
      ws.on('pong', () => {
        ws.alive = true;
      });
      // Keep-alive messages from the client ("") need no answer; anything else is ignored too.
      ws.on('message', () => {
        ws.alive = true;
      });
      ws.on('error', (err) => this.options.logger.debug(`Direct Line stream: ${err.message}`));
      ws.on('close', () => this.forget(admission.conversationId, ws));
      let set = this.sockets.get(admission.conversationId);
      if (!set) {
        set = new Set();
        this.sockets.set(admission.conversationId, set);
      }
      set.add(ws);
      // Backlog and registration in the same tick: nothing delivered in between can be missed.
      const backlog = this.options.backlog(admission.conversationId, admission.watermark);
      if (backlog.activities.length > 0) ws.send(JSON.stringify(backlog));
    });
  }

  private forget(conversationId: string, ws: Tracked): void {
    const set = this.sockets.get(conversationId);
    if (!set) return;
    set.delete(ws);
    if (set.size === 0) this.sockets.delete(conversationId);
  }

  private ping(): void {
    for (const set of this.sockets.values()) {
      for (const ws of set) {
        if (ws.alive === false) {
          ws.terminate();
          continue;
        }
        ws.alive = false;
        try {
          ws.ping();
        } catch {
          ws.terminate();
        }
      }
    }
  }
}

function refuse(socket: Duplex, status: number, reason: string): void {
  const body = JSON.stringify({ error: { code: ERROR_CODE[status] ?? 'Forbidden', message: reason } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
