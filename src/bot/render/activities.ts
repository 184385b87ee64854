/**
 * Turning answers into Bot Framework activities: hero cards with buttons where the channel shows them,
 * plain text with numbered choices where it does not; long answers split at paragraph or line boundaries.
 */
import { ActionTypes, CardFactory, MessageFactory, type Activity, type CardAction } from 'botbuilder';
import type { Facet } from '../../search/facets.js';
import type { ProcedureRecord } from '../../knowledge/schema.js';
import { texts } from '../texts.js';
import {
  agencyAnswer,
  capitalise,
  channelsAnswer,
  documentsAnswer,
  eligibilityAnswer,
  feesAnswer,
  formsAnswer,
  legalAnswer,
  resultAnswer,
  stepsAnswer,
  summaryFacts,
  timeAnswer,
} from './format.js';

/** Channels that show hero cards and buttons. Others get text with numbered choices. */
const CARD_CHANNELS = new Set(['emulator', 'webchat', 'directline', 'msteams', 'skype', 'test', 'slack']);

/** Longest message sent in one bubble. */
export const MAX_MESSAGE_CHARS = 1500;

export function showsCards(channelId: string | undefined): boolean {
  return channelId !== undefined && CARD_CHANNELS.has(channelId);
}

/** Split text at paragraph, then line, then sentence boundaries, so no piece exceeds `max`. */
export function splitLongText(text: string, max = MAX_MESSAGE_CHARS): string[] {
  if (text.length <= max) return [text];
  const out: string[] = [];
  let current = '';
  const push = (piece: string, sep: string): void => {
    if (current === '') current = piece;
    else if (current.length + sep.length + piece.length <= max) current += sep + piece;
    else {
      out.push(current);
      current = piece;
    }
  };
  for (const para of text.split('\n\n')) {
    if (para.length <= max) {
      push(para, '\n\n');
      continue;
    }
    for (const line of para.split('\n')) {
      if (line.length <= max) {
        push(line, '\n');
        continue;
      }
      for (const sentence of line.match(/[^.;!?]+[.;!?]*\s*/g) ?? [line]) {
        let s = sentence.trim();
        while (s.length > max) {
          push(s.slice(0, max), ' ');
          s = s.slice(max);
        }
        if (s !== '') push(s, ' ');
      }
    }
  }
  if (current !== '') out.push(current);
  return out;
}

export function textMessages(text: string): Array<Partial<Activity>> {
  return splitLongText(text).map((t) => MessageFactory.text(t));
}

export interface Choice {
  title: string;
  /** What the bot receives when the button is pressed (messageBack value). */
  value: Record<string, unknown>;
}

/** A button that shows its title as the citizen's message and sends `value` to the bot. */
function messageBack(title: string, value: Record<string, unknown>): CardAction {
  return { type: ActionTypes.MessageBack, title, text: title, displayText: title, value };
}

/** Longest choice title shown as a suggested action; longer ones go on a card, where buttons wrap. */
const MAX_SUGGESTED_TITLE = 40;

/**
 * A question with choices: suggested actions (or a card with buttons, for long titles) on channels that
 * show them, a numbered list in the text elsewhere.
 */
export function choiceMessage(prompt: string, choices: readonly Choice[], channelId: string | undefined): Partial<Activity> {
  if (showsCards(channelId)) {
    const actions = choices.map((c) => messageBack(c.title, c.value));
    if (choices.some((c) => c.title.length > MAX_SUGGESTED_TITLE)) {
      return MessageFactory.attachment(CardFactory.heroCard('', prompt, undefined, actions));
    }
    return MessageFactory.suggestedActions(actions, prompt);
  }
  const list = choices.map((c, i) => `${i + 1}. ${c.title}`).join('\n');
  return MessageFactory.text(`${prompt}\n${list}`);
}

/** Longest official name used as it is in running text; longer ones give way to the first everyday name. */
const MAX_DISPLAY_NAME = 90;

/**
 * How a procedure is named to a citizen: its official name (without a leading "Thủ tục" when `bare`),
 * or, when that is longer than `max`, its first everyday name ("Sang tên sổ đỏ"), cut at a word if need be.
 */
export function displayName(r: ProcedureRecord, max = MAX_DISPLAY_NAME, bare = false): string {
  let name = bare ? r.name.replace(/^thủ tục\s+/i, '') : r.name;
  if (name.length > max && r.aliases?.[0]) name = r.aliases[0];
  if (name.length > max) name = `${name.slice(0, max - 2).replace(/\s+\S*$/, '')}…`;
  return capitalise(name);
}

export type ProcedureAction = 'documents' | 'fees' | 'time' | 'channels' | 'agency' | 'steps' | 'checklist';

export function portalLink(r: ProcedureRecord, template: string | undefined): string | undefined {
  if (r.source.url) return r.source.url;
  return template ? template.replace('{code}', encodeURIComponent(r.code)) : undefined;
}

/** The procedure's summary: name, agency and level, time, fees, channels, result, link to the portal. */
export function procedureSummary(
  r: ProcedureRecord,
  channelId: string | undefined,
  portalTemplate: string | undefined,
): Partial<Activity> {
  const facts = summaryFacts(r);
  const link = portalLink(r, portalTemplate);
  const factText = facts.map(([k, v]) => `${k}: ${v}`).join('\n');
  const summary = r.summary ? `${r.summary}\n` : '';
  const buttons: Array<[ProcedureAction, string]> = [
    ['documents', texts.buttonDocuments],
    ['fees', texts.buttonFees],
    ['time', texts.buttonTime],
    ['agency', texts.buttonAgency],
    ['steps', texts.buttonSteps],
    ['checklist', texts.buttonChecklist],
  ];
  if (showsCards(channelId)) {
    const actions = buttons.map(([action, title]) => messageBack(title, { action, code: r.code }));
    if (link) actions.push({ type: ActionTypes.OpenUrl, title: texts.buttonPortal, value: link });
    const card = CardFactory.heroCard(r.name, `${summary}${factText}\nMã thủ tục: ${r.code}`, undefined, actions);
    return MessageFactory.attachment(card);
  }
  const lines = [r.name, summary.trim(), factText, `Mã thủ tục: ${r.code}`];
  lines.push(link ? `Chi tiết: ${link}` : 'Anh/Chị có thể tra cứu mã thủ tục này trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn).');
  lines.push(texts.followUpHint);
  return MessageFactory.text(lines.filter((l) => l !== '').join('\n'));
}

/** The text answering one facet of a procedure (`general` has no separate answer: the summary says it). */
export function facetText(r: ProcedureRecord, facet: Facet, caseIndex?: number): string | undefined {
  switch (facet) {
    case 'documents':
      return documentsAnswer(r, caseIndex);
    case 'fees':
      return feesAnswer(r);
    case 'time':
      return timeAnswer(r);
    case 'channels':
      return channelsAnswer(r);
    case 'steps':
      return stepsAnswer(r);
    case 'agency':
      return agencyAnswer(r);
    case 'eligibility':
      return eligibilityAnswer(r);
    case 'result':
      return resultAnswer(r);
    case 'legal':
      return legalAnswer(r);
    case 'forms':
      return formsAnswer(r);
    case 'general':
      return undefined;
  }
}
