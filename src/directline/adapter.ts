/**
 * The bot's side of the Direct Line channel, in process: each activity a client posts becomes a turn
 * (a TurnContext through the middleware to the bot), and whatever the bot sends is appended to the
 * conversation and pushed to its WebSockets through `deliver`. Proactive messages go through
 * `continueConversation`, as with any Bot Framework adapter.
 */
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { ClaimsIdentity } from 'botframework-connector';
import type { StoredActivity } from './conversation-store.js';

export const DIRECT_LINE_CHANNEL_ID = 'directline';

/** Appends an activity to its conversation and pushes it to the conversation's clients. */
export type Deliver = (conversationId: string, activity: Activity) => StoredActivity;

type Logic = (context: TurnContext) => Promise<void>;

export class DirectLineAdapter extends BotAdapter {
  constructor(
    private readonly deliver: Deliver,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  /** Run one incoming activity through the middleware and `logic` (the bot). */
  async processActivity(activity: Activity, logic: Logic): Promise<void> {
    const context = new TurnContext(this, activity);
    await this.runMiddleware(context, logic);
  }

  override async sendActivities(context: TurnContext, activities: Array<Partial<Activity>>): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const outgoing of activities) {
      if (outgoing.type === 'delay') {
        const ms = typeof outgoing.value === 'number' ? outgoing.value : 1000;
        await new Promise((resolvePromise) => setTimeout(resolvePromise, Math.min(Math.max(ms, 0), 10_000)));
        responses.push({ id: '' });
        continue;
      }
      if (outgoing.type === ActivityTypes.InvokeResponse || outgoing.type === 'trace') {
        responses.push({ id: '' });
        continue;
      }
      const conversationId = outgoing.conversation?.id ?? context.activity.conversation?.id;
      if (!conversationId) throw new Error('Direct Line: activity without conversation');
      const from = outgoing.from ?? context.activity.recipient;
      const activity = {
        ...outgoing,
        type: outgoing.type ?? ActivityTypes.Message,
        channelId: DIRECT_LINE_CHANNEL_ID,
        timestamp: new Date(this.now()),
        from: { ...from, role: 'bot' },
      } as Activity;
      delete (activity as Partial<Activity>).id;
      const stored = this.deliver(conversationId, activity);
      responses.push({ id: stored.id });
    }
    return responses;
  }

  override async updateActivity(): Promise<void> {
    throw new Error('Direct Line: updating a sent activity is not supported');
  }

  override async deleteActivity(): Promise<void> {
    throw new Error('Direct Line: deleting a sent activity is not supported');
  }

  override async continueConversation(reference: Partial<ConversationReference>, logic: Logic): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation', timestamp: new Date(this.now()) },
      reference,
      true,
    ) as Activity;
    const context = new TurnContext(this, activity);
    await this.runMiddleware(context, logic);
  }

  override async continueConversationAsync(
    _botAppIdOrClaimsIdentity: string | ClaimsIdentity,
    reference: Partial<ConversationReference>,
    logicOrAudience: Logic | string,
    maybeLogic?: Logic,
  ): Promise<void> {
    const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic;
    if (!logic) throw new Error('Direct Line: continueConversationAsync needs a logic function');
    await this.continueConversation(reference, logic);
  }
}
