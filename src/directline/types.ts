/**
 * What the Direct Line channel offers the rest of the service (`DirectLine`, as `app.directLine`) and what
 * its routes use internally (`DirectLineCore`).
 */
import type { Activity, ChannelAccount, ConversationReference, TurnContext } from 'botbuilder';
import type { Config } from '../config.js';
import type { Logger } from '../server/logger.js';
import type { ClientActivity } from './activity.js';
import type { DirectLineAdapter } from './adapter.js';
import type { ActivityPage, ConversationRecord, ConversationStore } from './conversation-store.js';
import type { OriginPolicy } from './origins.js';
import type { RateLimiter } from './rate-limiter.js';
import type { StreamHub } from './streaming.js';
import type { TokenService } from './token-service.js';
import type { TurnQueue } from './turn-queue.js';

/** Most activities returned by one poll or sent as a WebSocket backlog. */
export const PAGE_LIMIT = 500;
/** Most turns waiting in one conversation before new activities are refused (429). */
export const MAX_PENDING_TURNS = 10;

export interface DirectLine {
  adapter: DirectLineAdapter;
  store: ConversationStore;
  tokens: TokenService;
  streams: StreamHub;
  origins: OriginPolicy;
  /** The bot's account in Direct Line conversations. */
  botAccount: ChannelAccount;
  /** A new conversation id (not started until POST /conversations). */
  newConversationId(): string;
  /** A new user id for a conversation whose client named none. */
  newUserId(): string;
  /** The conversation reference of a Direct Line conversation (for proactive messages), if it exists. */
  conversationReference(conversationId: string): Partial<ConversationReference> | undefined;
  /** Run bot logic in an existing conversation later (proactive); its sends reach the client. */
  continueConversation(conversationId: string, logic: (context: TurnContext) => Promise<void>): Promise<void>;
  /** Send a message to a conversation later (proactive); resolves with the delivered activity's id. */
  sendProactive(conversationId: string, message: string | Partial<Activity>): Promise<string>;
  /** Resolves when the queued bot turns of a conversation (or of all) have run. */
  idle(conversationId?: string): Promise<void>;
  close(): Promise<void>;
}

/** What the routes need beyond the public interface. */
export interface DirectLineCore extends DirectLine {
  config: Config;
  logger: Logger;
  now(): number;
  limits: { post: RateLimiter; poll: RateLimiter; start: RateLimiter; refresh: RateLimiter };
  turns: TurnQueue;
  /** Create a conversation and deliver conversationUpdate (the bot's welcome follows). */
  start(conversationId: string, user: ChannelAccount, locale: string | undefined, serviceUrl: string): ConversationRecord;
  /** Accept a client's activity: store and echo it, queue the bot's turn; returns the activity's id. */
  receive(conversation: ConversationRecord, activity: ClientActivity): string;
  page(conversationId: string, watermark: number): ActivityPage;
}
