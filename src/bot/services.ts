/**
 * What the dialogs need from the rest of the service, and the conversation's own data.
 */
import type { TurnContext } from 'botbuilder';
import type { KnowledgeBase } from '../knowledge/load.js';
import type { Matcher } from '../search/matcher.js';
import type { ChecklistProgress } from './checklist.js';

export interface BotSettings {
  organisation: string;
  feedbackUrl: string;
  hotline?: string;
  /** Link template to a procedure page by code, for records without their own source page. */
  portalTemplate?: string;
  /** Procedures offered in the welcome menu, most asked first. */
  popularCodes: string[];
}

/**
 * The seam for handing a conversation over to people: today it tells the citizen how to reach the
 * one-stop shop and the feedback system; the officer-handoff and PAKN features plug in here.
 */
export interface HandoffGateway {
  offerHelp(context: TurnContext, reason: HandoffReason): Promise<void>;
}

export type HandoffReason = 'not-found' | 'asked';

export interface BotServices {
  knowledge: KnowledgeBase;
  matcher: Matcher;
  settings: BotSettings;
  handoff: HandoffGateway;
}

/** Per-conversation data kept in conversation state. */
export interface ConversationData {
  /** The procedure being discussed. */
  procedureCode?: string;
  /** The document set chosen for it, when it has several. */
  caseIndex?: number;
  /** Questions in a row that the bot could not place (the fallback ladder). */
  misses: number;
  /** A checklist that was started and not finished. */
  checklist?: ChecklistProgress;
}

/** A conversation's data at its start, or after "bắt đầu lại". */
export function newConversationData(): ConversationData {
  return { misses: 0 };
}

export const DEFAULT_POPULAR_CODES = ['1.001193', '1.004222', '1.014061', '1.000894', '1.013831', '1.001612'];
