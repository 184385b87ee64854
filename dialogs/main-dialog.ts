/**
 * The main dialog: routes every message. A question goes to the matcher; an answer shows the procedure's
 * summary and the facet asked; close candidates get a clarifying choice; a follow-up ("thế lệ phí bao
 * nhiêu?") answers for the procedure being discussed; nothing found climbs the fallback ladder (rephrase
 * → choose by field → contact people). "trợ giúp", "bắt đầu lại" and "menu" work at any point.
 */
import type { Activity, StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { ProcedureRecord } from '../src/knowledge/schema.js';
import {
  choiceMessage,
  displayName,
  facetText,
  procedureSummary,
  textMessages,
  type ProcedureAction,
} from '../src/bot/render/activities.js';
import { recogniseCommand, recogniseYesNo, type Command } from '../src/bot/recognise.js';
import { newConversationData, type BotServices, type ConversationData } from '../src/bot/services.js';
import { texts } from '../src/bot/texts.js';
import { understand } from '../src/bot/understand.js';
import type { Facet } from '../src/search/facets.js';
import { ChecklistDialog, type ChecklistOptions, type ChecklistResult } from './checklist-dialog.js';
import { indexedChoices, VietnameseChoicePrompt, type ChoiceReply, type VietnameseChoiceOptions } from './choice-prompt.js';
import { CHECKLIST_DIALOG, CHOICE_PROMPT, MAIN_DIALOG, MAIN_WATERFALL } from './ids.js';

/** What was asked when the waterfall waits for a choice. */
type Pending =
  | { kind: 'clarify'; codes: string[]; facet: Facet }
  | { kind: 'case'; code: string; facet: Facet | 'checklist'; cases: number[] }
  | { kind: 'field'; fields: string[] }
  | { kind: 'field-procedure'; codes: string[] }
  | { kind: 'handoff' }
  | { kind: 'checklist' };

/**
 * Options of the main waterfall. Only its first step may prompt (the second receives the reply), so a
 * reply that leads to another question restarts the waterfall with what to do next.
 */
interface MainOptions {
  /** A text to handle as if typed (a new question given in place of a choice). */
  text?: string;
  next?:
    | { kind: 'show'; code: string; facet: Facet; summary: boolean }
    | { kind: 'clarify'; codes: string[]; facet: Facet }
    | { kind: 'not-found' }
    | { kind: 'browse'; field: string }
    | { kind: 'checklist'; code: string; caseIndex: number };
}

const PROCEDURE_ACTIONS: readonly ProcedureAction[] = ['documents', 'fees', 'time', 'channels', 'agency', 'steps', 'checklist'];
/** More document sets than this: ask which applies instead of listing them all. */
const MAX_CASES_LISTED = 2;
/** Longest list offered when browsing by field. */
const MAX_BROWSE_ITEMS = 10;

export class MainDialog extends ComponentDialog {
  constructor(
    private readonly services: BotServices,
    private readonly conversationData: StatePropertyAccessor<ConversationData>,
  ) {
    super(MAIN_DIALOG);
    this.addDialog(new VietnameseChoicePrompt(CHOICE_PROMPT));
    this.addDialog(new ChecklistDialog(services, conversationData));
    this.addDialog(new WaterfallDialog(MAIN_WATERFALL, [this.routeStep.bind(this), this.replyStep.bind(this)]));
    this.initialDialogId = MAIN_WATERFALL;
  }

  // ---- interruptions: commands that work at any point ------------------------------------------

  override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const handled = await this.interrupt(inner);
    return handled ?? super.onContinueDialog(inner);
  }

  private async interrupt(inner: DialogContext): Promise<DialogTurnResult | undefined> {
    const activity = inner.context.activity;
    if (activity.type !== 'message' || typeof activity.text !== 'string' || activity.value) return undefined;
    const command = recogniseCommand(activity.text);
    if (command === 'help') {
      await inner.context.sendActivity(texts.help);
      await inner.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    if (command === 'restart' || command === 'menu') {
      await inner.cancelAllDialogs();
      await this.restartOrMenu(inner.context, command);
      return { status: DialogTurnStatus.complete };
    }
    return undefined;
  }

  // ---- helpers -----------------------------------------------------------------------------------

  private async data(context: TurnContext): Promise<ConversationData> {
    return this.conversationData.get(context, newConversationData());
  }

  /** "bắt đầu lại" forgets the conversation; both it and "menu" show the most asked procedures. */
  private async restartOrMenu(context: TurnContext, command: 'restart' | 'menu'): Promise<void> {
    if (command === 'restart') {
      await this.conversationData.set(context, newConversationData());
      await context.sendActivity(texts.restarted);
    }
    await this.sendWelcome(context, true);
  }

  private record(code: string | undefined): ProcedureRecord | undefined {
    return code ? this.services.knowledge.byCode.get(code) : undefined;
  }

  private async send(context: TurnContext, messages: Array<Partial<Activity>>): Promise<void> {
    for (const m of messages) await context.sendActivity(m);
  }

  /** The welcome: who the bot is, what it can do, the most asked procedures. */
  async sendWelcome(context: TurnContext, short = false): Promise<void> {
    if (!short) await context.sendActivity(texts.welcome(this.services.settings.organisation));
    const popular = this.services.settings.popularCodes
      .map((c) => this.record(c))
      .filter((r): r is ProcedureRecord => r !== undefined);
    const choices = popular.map((r) => ({ title: shortName(r), value: { action: 'select', code: r.code } }));
    await context.sendActivity(
      choices.length > 0 ? choiceMessage(texts.welcomeExamples, choices, context.activity.channelId) : texts.welcomeExamples,
    );
  }

  /** Show a procedure (summary card) and, if a facet was asked, answer it. */
  private async showProcedure(
    step: WaterfallStepContext,
    record: ProcedureRecord,
    facet: Facet,
    withSummary: boolean,
  ): Promise<DialogTurnResult> {
    const context = step.context;
    const data = await this.data(context);
    if (data.procedureCode !== record.code) {
      data.procedureCode = record.code;
      data.caseIndex = undefined;
    }
    data.misses = 0;
    if (withSummary) {
      await context.sendActivity(procedureSummary(record, context.activity.channelId, this.services.settings.portalTemplate));
    }
    if (facet === 'documents' && this.documentSets(record).length > MAX_CASES_LISTED && data.caseIndex === undefined) {
      return this.askCase(step, record, 'documents');
    }
    const answer = facetText(record, facet, facet === 'documents' ? data.caseIndex : undefined);
    if (answer) await this.send(context, textMessages(answer));
    else if (!withSummary) await this.send(context, textMessages(texts.followUpHint));
    return step.endDialog();
  }

  private async askClarify(step: WaterfallStepContext, codes: readonly string[], facet: Facet): Promise<DialogTurnResult> {
    const records = codes.map((c) => this.record(c)).filter((r): r is ProcedureRecord => r !== undefined);
    setPending(step, { kind: 'clarify', codes: records.map((r) => r.code), facet });
    const prompt: VietnameseChoiceOptions = {
      text: texts.clarify,
      retryText: texts.clarifyRetry,
      items: indexedChoices([...records.map((r) => displayName(r)), texts.noneOfThese]),
    };
    return step.prompt(CHOICE_PROMPT, prompt);
  }

  /** The document sets of a record that list documents (a set of notes only is not a situation to choose). */
  private documentSets(record: ProcedureRecord): number[] {
    return (record.cases ?? []).flatMap((c, i) => (c.documents.length > 0 ? [i] : []));
  }

  private async askCase(step: WaterfallStepContext, record: ProcedureRecord, facet: Facet | 'checklist'): Promise<DialogTurnResult> {
    const sets = this.documentSets(record);
    const titles = sets.map((i) => record.cases![i]!.name ?? `Trường hợp ${i + 1}`);
    setPending(step, { kind: 'case', code: record.code, facet, cases: sets });
    const prompt: VietnameseChoiceOptions = { text: texts.chooseCase, retryText: texts.clarifyRetry, items: indexedChoices(titles) };
    return step.prompt(CHOICE_PROMPT, prompt);
  }

  private async startChecklist(step: WaterfallStepContext, record: ProcedureRecord, resume: boolean): Promise<DialogTurnResult> {
    const data = await this.data(step.context);
    data.procedureCode = record.code;
    const sets = this.documentSets(record);
    if (sets.length === 0) {
      await step.context.sendActivity(texts.checklistNoDocuments);
      return step.endDialog();
    }
    const saved = data.checklist;
    if (resume && saved && saved.code === record.code) {
      setPending(step, { kind: 'checklist' });
      return step.beginDialog(CHECKLIST_DIALOG, { code: record.code, caseIndex: saved.caseIndex, resume: true } satisfies ChecklistOptions);
    }
    if (sets.length > 1 && data.caseIndex === undefined) return this.askCase(step, record, 'checklist');
    setPending(step, { kind: 'checklist' });
    return step.beginDialog(CHECKLIST_DIALOG, { code: record.code, caseIndex: data.caseIndex ?? sets[0] ?? 0 } satisfies ChecklistOptions);
  }

  /** The fallback ladder: rephrase with examples → choose by field → contact people. */
  private async notFound(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const data = await this.data(step.context);
    data.misses += 1;
    if (data.misses === 1) {
      await step.context.sendActivity(texts.notFound);
      return step.endDialog();
    }
    if (data.misses === 2) {
      const fields = this.fields();
      if (fields.length > 0) {
        setPending(step, { kind: 'field', fields });
        const prompt: VietnameseChoiceOptions = { text: texts.notFoundSecond, retryText: texts.browseRetry, items: indexedChoices(fields) };
        return step.prompt(CHOICE_PROMPT, prompt);
      }
    }
    await step.context.sendActivity(texts.notFoundThird);
    setPending(step, { kind: 'handoff' });
    const prompt: VietnameseChoiceOptions = {
      text: texts.handoffOffer,
      retryText: texts.handoffOffer,
      items: indexedChoices([texts.handoffYes, texts.handoffNo]),
      yesNo: { yes: 0, no: 1, stop: 1 },
    };
    return step.prompt(CHOICE_PROMPT, prompt);
  }

  /** Fields of the curated records (the province's most asked), largest first. */
  private fields(): string[] {
    const records = this.services.knowledge.records;
    const curated = records.some((r) => r.origin === 'curated') ? records.filter((r) => r.origin === 'curated') : records;
    const counts = new Map<string, number>();
    for (const r of curated) if (r.field) counts.set(r.field, (counts.get(r.field) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_BROWSE_ITEMS).map(([f]) => f);
  }

  // ---- steps -------------------------------------------------------------------------------------

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const activity = context.activity;
    const options = (step.options ?? {}) as MainOptions;
    const data = await this.data(context);
    if (options.next) return this.continueWith(step, options.next);

    // Buttons: a procedure picked from a menu, or an action on the procedure shown.
    const value = options.text === undefined ? (activity.value as Record<string, unknown> | undefined) : undefined;
    if (value && typeof value.code === 'string') {
      const record = this.record(value.code);
      if (record) {
        const action = value.action;
        if (action === 'checklist') return this.startChecklist(step, record, false);
        if (typeof action === 'string' && (PROCEDURE_ACTIONS as readonly string[]).includes(action)) {
          return this.showProcedure(step, record, action as Facet, data.procedureCode !== record.code);
        }
        return this.showProcedure(step, record, 'general', true);
      }
    }

    const text = (options.text ?? (typeof activity.text === 'string' ? activity.text : '')).trim();
    if (text === '') {
      await context.sendActivity(activity.attachments?.length ? texts.nonText : texts.emptyMessage);
      return step.endDialog();
    }

    const command = recogniseCommand(text);
    if (command) return this.runCommand(step, command);
    // A bare yes/no/stop outside any question is an acknowledgement, not a question the bot missed.
    const yesNo = recogniseYesNo(text);
    if (yesNo) {
      await context.sendActivity(yesNo === 'yes' ? texts.anythingElse : texts.choiceDeclined);
      return step.endDialog();
    }

    const match = this.services.matcher.match(text);
    if (text.length > 2000) await context.sendActivity(texts.tooLong);
    const meaning = understand(match, data.procedureCode);
    switch (meaning.kind) {
      case 'follow-up':
        return this.showProcedure(step, this.record(meaning.code)!, meaning.facet, false);
      case 'answer':
        return this.showProcedure(step, this.record(meaning.code)!, meaning.facet, true);
      case 'clarify':
        return this.askClarify(step, meaning.codes, meaning.facet);
      case 'which-procedure':
        await context.sendActivity(texts.noProcedureYet);
        return step.endDialog();
      case 'none':
        return this.notFound(step);
    }
  }

  private async runCommand(step: WaterfallStepContext, command: Command): Promise<DialogTurnResult> {
    const context = step.context;
    const data = await this.data(context);
    switch (command) {
      case 'help':
        await context.sendActivity(texts.help);
        break;
      case 'restart':
      case 'menu':
        await this.restartOrMenu(context, command);
        break;
      case 'greeting':
        await this.sendWelcome(context);
        break;
      case 'thanks':
        await context.sendActivity(texts.thanks);
        break;
      case 'goodbye':
        await context.sendActivity(texts.goodbye);
        break;
      case 'about':
        await context.sendActivity(texts.aboutMe);
        break;
      case 'checklist':
      case 'resume': {
        const code = command === 'resume' ? (data.checklist?.code ?? data.procedureCode) : data.procedureCode;
        const record = this.record(code);
        if (!record) {
          await context.sendActivity(command === 'resume' ? texts.checklistNothingToResume : texts.noProcedureYet);
          break;
        }
        return this.startChecklist(step, record, command === 'resume' || data.checklist?.code === record.code);
      }
    }
    return step.endDialog();
  }

  private async replyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const pending = (step.values as { pending?: Pending }).pending;
    if (!pending) return step.endDialog();
    if (pending.kind === 'checklist') {
      const result = step.result as ChecklistResult | undefined;
      if (result && 'text' in result) return step.replaceDialog(MAIN_WATERFALL, { text: result.text } satisfies MainOptions);
      return step.endDialog();
    }
    const reply = step.result as ChoiceReply;
    if ('text' in reply && pending.kind === 'clarify') {
      // "thế lệ phí bao nhiêu?" instead of a choice: still the same candidates, now for that facet.
      const match = this.services.matcher.match(reply.text);
      const meaning = understand(match, undefined);
      if ((meaning.kind === 'which-procedure' || meaning.kind === 'none') && meaning.facet !== 'general') {
        const next: MainOptions = { next: { kind: 'clarify', codes: pending.codes, facet: meaning.facet } };
        return step.replaceDialog(MAIN_WATERFALL, next);
      }
    }
    if ('text' in reply) return step.replaceDialog(MAIN_WATERFALL, { text: reply.text } satisfies MainOptions);
    if ('cancelled' in reply) {
      await step.context.sendActivity(texts.choiceDeclined);
      return step.endDialog();
    }
    const data = await this.data(step.context);
    const next = (n: NonNullable<MainOptions['next']>): Promise<DialogTurnResult> =>
      step.replaceDialog(MAIN_WATERFALL, { next: n } satisfies MainOptions);
    switch (pending.kind) {
      case 'clarify': {
        const code = pending.codes[reply.index];
        if (code === undefined) return next({ kind: 'not-found' }); // "none of these"
        return next({ kind: 'show', code, facet: pending.facet, summary: true });
      }
      case 'case': {
        const caseIndex = pending.cases[reply.index]!;
        data.procedureCode = pending.code;
        data.caseIndex = caseIndex;
        if (pending.facet === 'checklist') return next({ kind: 'checklist', code: pending.code, caseIndex });
        return next({ kind: 'show', code: pending.code, facet: pending.facet, summary: false });
      }
      case 'field':
        return next({ kind: 'browse', field: pending.fields[reply.index]! });
      case 'field-procedure': {
        const code = pending.codes[reply.index];
        return code ? next({ kind: 'show', code, facet: 'general', summary: true }) : step.endDialog();
      }
      case 'handoff':
        if (reply.index === 0) await this.services.handoff.offerHelp(step.context, 'not-found');
        else await step.context.sendActivity(texts.handoffDeclined);
        data.misses = 0;
        return step.endDialog();
    }
  }

  private async continueWith(step: WaterfallStepContext, next: NonNullable<MainOptions['next']>): Promise<DialogTurnResult> {
    switch (next.kind) {
      case 'show': {
        const record = this.record(next.code);
        return record ? this.showProcedure(step, record, next.facet, next.summary) : step.endDialog();
      }
      case 'not-found':
        return this.notFound(step);
      case 'clarify':
        return this.askClarify(step, next.codes, next.facet);
      case 'browse': {
        const records = this.services.knowledge.records.filter((r) => r.field === next.field).slice(0, MAX_BROWSE_ITEMS);
        setPending(step, { kind: 'field-procedure', codes: records.map((r) => r.code) });
        const prompt: VietnameseChoiceOptions = {
          text: texts.pickProcedureInField(next.field),
          retryText: texts.browseRetry,
          items: indexedChoices(records.map((r) => shortName(r))),
        };
        return step.prompt(CHOICE_PROMPT, prompt);
      }
      case 'checklist':
        setPending(step, { kind: 'checklist' });
        return step.beginDialog(CHECKLIST_DIALOG, { code: next.code, caseIndex: next.caseIndex } satisfies ChecklistOptions);
    }
  }
}

function setPending(step: WaterfallStepContext, pending: Pending): void {
  (step.values as { pending?: Pending }).pending = pending;
}

/** Longest label on a menu button. */
const MAX_LABEL = 40;

/** A procedure on a menu button: "Thủ tục đăng ký khai sinh" → "Đăng ký khai sinh", "Sang tên sổ đỏ". */
export function shortName(r: ProcedureRecord): string {
  return displayName(r, MAX_LABEL, true);
}
