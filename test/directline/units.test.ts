/** The Direct Line building blocks on their own: tokens, rate limiting, configuration. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { MemoryConversationStore } from '../../src/directline/conversation-store.js';
import { RateLimiter } from '../../src/directline/rate-limiter.js';
import { TokenService } from '../../src/directline/token-service.js';

describe('TokenService', () => {
  const clock = { now: 1_800_000_000_000 };
  const tokens = new TokenService('s'.repeat(40), 1800, () => clock.now);

  it('issues tokens bound to a conversation and user, which expire', () => {
    const issued = tokens.issue('conv-1', 'dl_user');
    expect(issued.expiresIn).toBe(1800);
    const check = tokens.verify(issued.token);
    expect(check).toMatchObject({ ok: true, claims: { conv: 'conv-1', user: 'dl_user', scope: 'conversation' } });
    clock.now += 1_799_000;
    expect(tokens.verify(issued.token).ok).toBe(true);
    clock.now += 1_000;
    expect(tokens.verify(issued.token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses tokens signed with another secret, tampered or garbled', () => {
    const other = new TokenService('t'.repeat(40), 1800, () => clock.now).issue('conv-1', 'dl_user').token;
    expect(tokens.verify(other)).toEqual({ ok: false, reason: 'signature' });
    const [h, , s] = tokens.issue('conv-1', 'u').token.split('.');
    const payload = Buffer.from(JSON.stringify({ conv: 'conv-2', exp: 9e9, iss: 'tro-ly-thu-tuc/directline' })).toString('base64url');
    expect(tokens.verify(`${h}.${payload}.${s}`)).toEqual({ ok: false, reason: 'signature' });
    expect(tokens.verify('abc')).toEqual({ ok: false, reason: 'malformed' });
    expect(tokens.verify('a.b.c')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('recognises its secret only', () => {
    expect(tokens.isSecret('s'.repeat(40))).toBe(true);
    expect(tokens.isSecret('s'.repeat(39))).toBe(false);
  });
});

describe('RateLimiter', () => {
  it('allows a burst, then the rate, per key', () => {
    const clock = { now: 0 };
    const limiter = new RateLimiter(60, 3, () => clock.now);
    expect([1, 2, 3, 4].map(() => limiter.take('a').allowed)).toEqual([true, true, true, false]);
    expect(limiter.take('b').allowed).toBe(true);
    const refused = limiter.take('a');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.now += 1000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });
});

describe('MemoryConversationStore', () => {
  it('numbers activities and pages them by watermark', () => {
    const store = new MemoryConversationStore();
    store.create({ id: 'c', userId: 'u', serviceUrl: 'http://localhost/', createdAt: 0 });
    for (let i = 0; i < 5; i++) store.append('c', { type: 'message', text: `m${i}` } as never, i);
    expect(store.after('c', 0, 2)).toMatchObject({ watermark: 2, activities: [{ id: 'c|0000001' }, { id: 'c|0000002' }] });
    expect(store.after('c', 4, 10)).toMatchObject({ watermark: 5, activities: [{ text: 'm4' }] });
    expect(store.after('c', 9, 10)).toEqual({ watermark: 5, activities: [] });
    expect(store.prune(3)).toBe(0);
    expect(store.prune(10)).toBe(1);
    expect(store.get('c')).toBeUndefined();
  });
});

describe('Direct Line and Web Chat settings', () => {
  it('have defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      DIRECTLINE_TOKEN_TTL_SECONDS: 1800,
      WEBCHAT_ALLOWED_ORIGINS: [],
      WEBCHAT_PRIMARY_COLOR: '#B3261E',
      WEBCHAT_STORAGE: 'session',
    });
    expect(config.DIRECTLINE_SECRET).toBeUndefined();
  });

  it('read origin lists', () => {
    expect(loadConfig({ WEBCHAT_ALLOWED_ORIGINS: 'https://a.gov.vn, http://localhost:8080/' }).WEBCHAT_ALLOWED_ORIGINS).toEqual([
      'https://a.gov.vn',
      'http://localhost:8080',
    ]);
  });

  it('name the variable that is wrong', () => {
    const problems = (env: Record<string, string>): string[] => {
      try {
        loadConfig(env);
        return [];
      } catch (err) {
        return (err as ConfigError).problems;
      }
    };
    expect(problems({ WEBCHAT_ALLOWED_ORIGINS: 'https://a.gov.vn/portal' })[0]).toMatch(/^WEBCHAT_ALLOWED_ORIGINS=.*không phải origin/);
    expect(problems({ WEBCHAT_PRIMARY_COLOR: 'red' })[0]).toMatch(/^WEBCHAT_PRIMARY_COLOR=.*#RRGGBB/);
    expect(problems({ DIRECTLINE_SECRET: 'short' })[0]).toMatch(/^DIRECTLINE_SECRET=.*32/);
    expect(problems({ WEBCHAT_BOT_AVATAR: 'javascript:alert(1)' })[0]).toMatch(/^WEBCHAT_BOT_AVATAR=/);
    expect(problems({ DIRECTLINE_TOKEN_TTL_SECONDS: '5' })[0]).toMatch(/^DIRECTLINE_TOKEN_TTL_SECONDS=/);
  });
});
