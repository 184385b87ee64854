/**
 * Which browser origins may call the endpoint (CORS), frame the widget and open its WebSockets: the
 * service's own origin and the configured portal origins (WEBCHAT_ALLOWED_ORIGINS).
 */
import type { IncomingMessage } from 'node:http';

export interface OriginPolicyOptions {
  allowed: readonly string[];
  publicUrl?: string | undefined;
  trustProxy: boolean;
}

export class OriginPolicy {
  private readonly allowed: Set<string>;
  private readonly publicOrigin: string | undefined;

  constructor(private readonly options: OriginPolicyOptions) {
    this.allowed = new Set(options.allowed);
    this.publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : undefined;
  }

  /** The service's own base URL as the client sees it (PUBLIC_URL, or from the request's Host). */
  baseUrl(request: IncomingMessage): string {
    if (this.options.publicUrl) return this.options.publicUrl.replace(/\/+$/, '');
    const forwardedProto = this.options.trustProxy ? firstHeader(request, 'x-forwarded-proto') : undefined;
    const forwardedHost = this.options.trustProxy ? firstHeader(request, 'x-forwarded-host') : undefined;
    const encrypted = (request.socket as { encrypted?: boolean }).encrypted === true;
    const proto = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : encrypted ? 'https' : 'http';
    const host = forwardedHost ?? request.headers.host ?? 'localhost';
    return `${proto}://${host}`;
  }

  ownOrigin(request: IncomingMessage): string {
    return this.publicOrigin ?? new URL(this.baseUrl(request)).origin;
  }

  /** Whether a request's Origin header (if any) is allowed. No Origin: not a browser's cross-site call. */
  allows(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    if (origin === undefined) return true;
    return this.isAllowed(origin, request);
  }

  isAllowed(origin: string, request: IncomingMessage): boolean {
    return origin === this.ownOrigin(request) || this.allowed.has(origin);
  }

  /** Portal origins for a frame-ancestors directive. */
  frameAncestors(): string {
    return ["'self'", ...this.allowed].join(' ');
  }

  /** The client's address, for rate limits. */
  clientAddress(request: IncomingMessage): string {
    if (this.options.trustProxy) {
      const forwarded = firstHeader(request, 'x-forwarded-for');
      if (forwarded) return forwarded;
    }
    return request.socket.remoteAddress ?? 'unknown';
  }
}

function firstHeader(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  const first = text?.split(',')[0]?.trim();
  return first === '' ? undefined : first;
}
