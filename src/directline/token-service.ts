/**
 * Direct Line tokens: HS256-signed JWTs bound to one conversation (claim `conv`) and, when known, one user
 * (claim `user`), with an expiry. `scope: "stream"` tokens are short-lived and only open the conversation's
 * WebSocket (they go in the streamUrl, so the long-lived token never appears in a URL).
 *
 * The secret is for trusted back ends (it opens every conversation); tokens are what browsers get. The
 * signing key is derived from the secret, so a restart with the same secret keeps tokens valid.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type TokenScope = 'conversation' | 'stream';

export interface TokenClaims {
  iss: string;
  aud: string;
  /** The conversation the token opens. */
  conv: string;
  /** The user the token speaks for, when bound. */
  user?: string;
  scope: TokenScope;
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

export interface IssuedToken {
  token: string;
  /** Seconds until it expires. */
  expiresIn: number;
  claims: TokenClaims;
}

const ISSUER = 'tro-ly-thu-tuc/directline';
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
/** Lifetime of a stream token: long enough to open the WebSocket. */
export const STREAM_TOKEN_SECONDS = 120;
export const SECRET_FILE = 'directline-secret';

function base64url(text: string | Buffer): string {
  return Buffer.from(text).toString('base64url');
}

export class TokenService {
  private readonly signingKey: Buffer;
  private readonly secretDigest: Buffer;

  constructor(
    secret: string,
    readonly lifetimeSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.signingKey = createHmac('sha256', secret).update('tro-ly-thu-tuc/directline-token/v1').digest();
    this.secretDigest = createHash('sha256').update(secret).digest();
  }

  /** Whether a bearer value is the Direct Line secret (compared in constant time). */
  isSecret(value: string): boolean {
    return timingSafeEqual(createHash('sha256').update(value).digest(), this.secretDigest);
  }

  issue(conversationId: string, userId: string | undefined, scope: TokenScope = 'conversation', lifetimeSeconds?: number): IssuedToken {
    const nowSeconds = Math.floor(this.now() / 1000);
    const lifetime = lifetimeSeconds ?? (scope === 'stream' ? STREAM_TOKEN_SECONDS : this.lifetimeSeconds);
    const claims: TokenClaims = {
      iss: ISSUER,
      aud: ISSUER,
      conv: conversationId,
      ...(userId !== undefined ? { user: userId } : {}),
      scope,
      iat: nowSeconds,
      nbf: nowSeconds,
      exp: nowSeconds + lifetime,
      jti: randomBytes(9).toString('base64url'),
    };
    const body = `${HEADER}.${base64url(JSON.stringify(claims))}`;
    return { token: `${body}.${this.sign(body)}`, expiresIn: lifetime, claims };
  }

  verify(token: string): TokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'malformed' };
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (typeof claims.conv !== 'string' || typeof claims.exp !== 'number' || claims.iss !== ISSUER) {
      return { ok: false, reason: 'malformed' };
    }
    if (this.now() >= claims.exp * 1000) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }

  /** Seconds a verified token has left. */
  remainingSeconds(claims: TokenClaims): number {
    return Math.max(0, Math.floor(claims.exp - this.now() / 1000));
  }

  private sign(body: string): string {
    return createHmac('sha256', this.signingKey).update(body).digest('base64url');
  }
}

/**
 * The Direct Line secret: the configured one; else the one kept in DATA_DIR (made on first start, mode
 * 0600) when `persist`; else a new random one for this process.
 */
export function loadOrCreateSecret(configured: string | undefined, dataDir: string, persist: boolean): { secret: string; source: 'config' | 'file' | 'generated' | 'ephemeral' } {
  if (configured) return { secret: configured, source: 'config' };
  if (!persist) return { secret: randomBytes(32).toString('base64url'), source: 'ephemeral' };
  const file = join(dataDir, SECRET_FILE);
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return { secret: stored, source: 'file' };
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { secret, source: 'generated' };
}
