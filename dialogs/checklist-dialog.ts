/**
 * The document checklist walk-through: "Anh/Chị đã có … chưa?" one document at a time (Có / Chưa /
 * Bỏ qua / Dừng); conditional documents only when their situation applies; at the end, what is still
 * missing and where to get it. Progress lives in conversation state: "dừng", or a new question, leaves
 * the checklist, and "tiếp tục kiểm tra" resumes it where it was.
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { answer, answeredCount, checklistItems, currentStep, startChecklist, summarise, type ChecklistProgress } from '../src/bot/checklist.js';
import { displayName, textMessages } from '../src/bot/render/activities.js';
import { capitalise, quantityText } from '../src/bot/render/format.js';
import { newConversationData, type BotServices, type ConversationData } from '../src/bot/services.js';
import { texts } from '../src/bot/texts.js';
import { indexedChoices, VietnameseChoicePrompt, type ChoiceReply, type VietnameseChoiceOptions } from './choice-prompt.js';
import { CHECKLIST_DIALOG, CHECKLIST_WATERFALL, CHOICE_PROMPT } from './ids.js';

export interface ChecklistOptions {
  code: string;
  caseIndex: number;
  /** Continue saved progress instead of starting over. */
  resume?: boolean;
}

/** What the checklist hands back to the main dialog. */
export type ChecklistResult = { finished: true } | { paused: true } | { text: string };

const ANSWERS = [texts.yes, texts.not, texts.skip, texts.stop];
const CONDITION_ANSWERS = [texts.yes, texts.no, texts.skip, texts.stop];

export class ChecklistDialog extends ComponentDialog {
  constructor(
    private readonly services: BotServices,
    private readonly conversationData: StatePropertyAccessor<ConversationData>,
  ) {
    super(CHECKLIST_DIALOG);
    this.addDialog(new VietnameseChoicePrompt(CHOICE_PROMPT));
    this.addDialog(
      new WaterfallDialog(CHECKLIST_WATERFALL, [this.askStep.bind(this), this.answerStep.bind(this)]),
    );
    this.initialDialogId = CHECKLIST_WATERFALL;
  }

  private async data(context: TurnContext): Promise<ConversationData> {
    return this.conversationData.get(context, newConversationData());
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const data = await this.data(step.context);
    const options = step.options as ChecklistOptions | { continue: true };
    if ('code' in options) {
      const record = this.services.knowledge.byCode.get(options.code);
      if (!record) return step.endDialog({ finished: true } satisfies ChecklistResult);
      const saved = data.checklist;
      const resume = options.resume && saved && saved.code === options.code && saved.caseIndex === options.caseIndex;
      if (resume) {
        const total = checklistItems(record, saved.caseIndex).length;
        await step.context.sendActivity(texts.checklistResume(displayName(record), answeredCount(saved), total));
      } else {
        data.checklist = startChecklist(record, options.caseIndex);
        await step.context.sendActivity(texts.checklistStart(displayName(record)));
      }
    }
    const progress = data.checklist;
    const record = progress ? this.services.knowledge.byCode.get(progress.code) : undefined;
    if (!progress || !record) return step.endDialog({ finished: true } satisfies ChecklistResult);
    const items = checklistItems(record, progress.caseIndex);
    const next = currentStep(progress, items);
    if (next.kind === 'done') {
      await this.sendSummary(step.context, progress);
      data.checklist = undefined;
      return step.endDialog({ finished: true } satisfies ChecklistResult);
    }
    if (next.kind === 'condition') {
      const condition = next.item.document.condition ?? `cần ${next.item.name}.`;
      const prompt: VietnameseChoiceOptions = {
        text: texts.checklistAskCondition(condition),
        retryText: texts.checklistRetry,
        items: indexedChoices(CONDITION_ANSWERS),
        yesNo: { yes: 0, no: 1, skip: 2, stop: 3 },
      };
      return step.prompt(CHOICE_PROMPT, prompt);
    }
    const q = quantityText(next.item.document);
    const name = q ? `${next.item.name} (${q})` : next.item.name;
    const prompt: VietnameseChoiceOptions = {
      text: texts.checklistAskDocument(next.number, next.total, name),
      retryText: texts.checklistRetry,
      items: indexedChoices(ANSWERS),
      yesNo: { yes: 0, no: 1, skip: 2, stop: 3 },
    };
    return step.prompt(CHOICE_PROMPT, prompt);
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const data = await this.data(step.context);
    const reply = step.result as ChoiceReply;
    const progress = data.checklist;
    const record = progress ? this.services.knowledge.byCode.get(progress.code) : undefined;
    if (!progress || !record) return step.endDialog({ finished: true } satisfies ChecklistResult);
    if ('text' in reply) {
      // A new question: keep the progress, leave the checklist, let the main dialog answer it.
      await step.context.sendActivity(texts.checklistPaused);
      return step.endDialog({ text: reply.text } satisfies ChecklistResult);
    }
    if ('cancelled' in reply || reply.index === 3) {
      await step.context.sendActivity(texts.checklistPaused);
      return step.endDialog({ paused: true } satisfies ChecklistResult);
    }
    const items = checklistItems(record, progress.caseIndex);
    data.checklist = answer(progress, items, reply.index === 0 ? 'yes' : reply.index === 1 ? 'no' : 'skip');
    return step.replaceDialog(CHECKLIST_WATERFALL, { continue: true });
  }

  private async sendSummary(context: TurnContext, progress: ChecklistProgress): Promise<void> {
    const record = this.services.knowledge.byCode.get(progress.code)!;
    const items = checklistItems(record, progress.caseIndex);
    const s = summarise(progress, items);
    const lines: string[] = [];
    if (s.missing.length === 0 && s.skipped.length === 0) lines.push(texts.checklistAllReady);
    if (s.missing.length > 0) {
      lines.push(texts.checklistMissingTitle);
      for (const m of s.missing) {
        lines.push(`• ${capitalise(m.name)} — nơi cấp: ${m.document.obtainFrom ?? texts.checklistWhereToGetUnknown}`);
      }
    }
    if (s.skipped.length > 0) {
      lines.push(texts.checklistSkippedTitle);
      for (const m of s.skipped) lines.push(`• ${capitalise(m.name)}`);
    }
    for (const m of textMessages(lines.join('\n'))) await context.sendActivity(m);
  }
}
