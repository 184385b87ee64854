/**
 * A bot wired as in production (knowledge, matcher, dialogs, state), over botbuilder's TestAdapter and
 * MemoryStorage, for transcript tests.
 */
import { ConversationState, MemoryStorage, TestAdapter, UserState, type Activity, type Storage } from 'botbuilder';
import { MainDialog } from '../../dialogs/main-dialog.js';
import { AssistantBot } from '../../src/bot/assistant-bot.js';
import { ContactInfoHandoff } from '../../src/bot/contact-handoff.js';
import { DEFAULT_POPULAR_CODES, type BotServices, type ConversationData } from '../../src/bot/services.js';
import { loadKnowledge, type KnowledgeBase } from '../../src/knowledge/load.js';
import { buildMatcher } from '../../src/search/build.js';

let shared: { knowledge: KnowledgeBase; services: Omit<BotServices, 'handoff'> } | undefined;

export function testServices(): BotServices {
  if (!shared) {
    const { knowledge } = loadKnowledge();
    shared = {
      knowledge,
      services: {
        knowledge,
        matcher: buildMatcher(knowledge),
        settings: {
          organisation: 'UBND tỉnh Thử Nghiệm',
          feedbackUrl: 'https://dichvucong.gov.vn',
          hotline: '1900 0000',
          popularCodes: DEFAULT_POPULAR_CODES,
        },
      },
    };
  }
  return { ...shared.services, handoff: new ContactInfoHandoff('https://dichvucong.gov.vn', '1900 0000') };
}

export function createTestBot(storage: Storage = new MemoryStorage(), channelId = 'test'): { adapter: TestAdapter; bot: AssistantBot } {
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const dialog = new MainDialog(testServices(), conversationState.createProperty<ConversationData>('conversationData'));
  const bot = new AssistantBot(conversationState, userState, dialog);
  const adapter = new TestAdapter(async (context) => bot.run(context), { channelId, conversation: { id: 'conv-1', isGroup: false, name: '', conversationType: 'personal' } } as Partial<import('botbuilder').ConversationReference>);
  return { adapter, bot };
}

/** Everything a citizen would read in an activity: its text, and a card's title, text and buttons. */
export function readable(activity: Partial<Activity>): string {
  const parts: string[] = [];
  if (activity.text) parts.push(activity.text);
  for (const a of activity.attachments ?? []) {
    const c = a.content as { title?: string; subtitle?: string; text?: string; buttons?: Array<{ title: string }> } | undefined;
    if (c?.title) parts.push(c.title);
    if (c?.subtitle) parts.push(c.subtitle);
    if (c?.text && c.text !== activity.text) parts.push(c.text);
    for (const b of c?.buttons ?? []) parts.push(`[${b.title}]`);
  }
  for (const s of activity.suggestedActions?.actions ?? []) parts.push(`[${s.title}]`);
  return parts.join('\n');
}

export type Turn = string | { text?: string; value?: Record<string, unknown>; type?: string; membersAdded?: Array<{ id: string; name?: string }> };

/** Send one user turn and collect everything the bot said in reply. */
export async function say(adapter: TestAdapter, turn: Turn): Promise<{ text: string; activities: Array<Partial<Activity>> }> {
  const activity: Partial<Activity> =
    typeof turn === 'string'
      ? { type: 'message', text: turn }
      : ({ type: turn.type ?? 'message', ...(turn.text !== undefined ? { text: turn.text } : {}), ...(turn.value ? { value: turn.value } : {}), ...(turn.membersAdded ? { membersAdded: turn.membersAdded.map((m) => ({ name: '', ...m })) } : {}) } as Partial<Activity>);
  await adapter.receiveActivity(activity);
  const activities: Array<Partial<Activity>> = [];
  while (adapter.activeQueue.length > 0) activities.push(adapter.activeQueue.shift()!);
  return { text: activities.map(readable).join('\n'), activities };
}
