/**
 * A choice prompt in Vietnamese. The SDK's ChoicePrompt has no vi-VN culture; this one shows its choices
 * as buttons (or a numbered list on text-only channels) and recognises a button press, a number ("2",
 * "số 2", "thứ hai"), part of a choice's name, or yes/no words when the choices are yes/no. A reply that
 * is none of these but reads like a new question ends the prompt with that text, so the conversation can
 * move on instead of repeating the prompt.
 */
import type { TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { choiceMessage, type Choice } from '../src/bot/render/activities.js';
import { recogniseChoice, recogniseYesNo, simplify, type YesNo } from '../src/bot/recognise.js';

export interface VietnameseChoiceOptions extends PromptOptions {
  /** The question. */
  text: string;
  /** Sent instead of `text` when the reply was not recognised. */
  retryText: string;
  items: Choice[];
  /** For yes/no-like choices: which choice each yes/no/skip/stop word picks. */
  yesNo?: Partial<Record<YesNo, number>>;
}

/**
 * What the prompt returns: the picked choice, the text of a reply that was a new question, or that the
 * citizen declined to choose ("không", "thôi", "dừng").
 */
export type ChoiceReply = { index: number } | { text: string } | { cancelled: true };

/** A reply this long that is not a choice is taken as a new question. */
const NEW_QUESTION_WORDS = 2;

function isOptions(o: PromptOptions): o is VietnameseChoiceOptions {
  return typeof (o as VietnameseChoiceOptions).text === 'string' && Array.isArray((o as VietnameseChoiceOptions).items);
}

export class VietnameseChoicePrompt extends Prompt<ChoiceReply> {
  constructor(dialogId: string) {
    super(dialogId);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    if (!isOptions(options)) throw new Error('VietnameseChoicePrompt needs VietnameseChoiceOptions');
    await context.sendActivity(choiceMessage(isRetry ? options.retryText : options.text, options.items, context.activity.channelId));
  }

  protected async onRecognize(
    context: TurnContext,
    _state: object,
    options: PromptOptions,
  ): Promise<PromptRecognizerResult<ChoiceReply>> {
    if (!isOptions(options)) return { succeeded: false };
    const activity = context.activity;
    const value = activity.value as Record<string, unknown> | undefined;
    if (value && typeof value.choice === 'number' && value.choice >= 0 && value.choice < options.items.length) {
      return { succeeded: true, value: { index: value.choice } };
    }
    const text = typeof activity.text === 'string' ? activity.text : '';
    const yn = recogniseYesNo(text);
    if (options.yesNo) {
      const picked = yn ? options.yesNo[yn] : undefined;
      if (picked !== undefined) return { succeeded: true, value: { index: picked } };
    }
    if (yn === 'stop' || yn === 'no') return { succeeded: true, value: { cancelled: true } };
    const index = recogniseChoice(text, options.items.map((c) => c.title));
    if (index !== undefined) return { succeeded: true, value: { index } };
    if (simplify(text).split(' ').length >= NEW_QUESTION_WORDS) return { succeeded: true, value: { text } };
    return { succeeded: false };
  }
}

/** Choices whose button press carries its index, the way VietnameseChoicePrompt reads it. */
export function indexedChoices(titles: readonly string[]): Choice[] {
  return titles.map((title, i) => ({ title, value: { choice: i } }));
}
