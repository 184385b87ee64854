/** The handoff as it stands: tell the citizen how to reach people (feedback system, hotline, one-stop shop). */
import type { TurnContext } from 'botbuilder';
import type { HandoffGateway, HandoffReason } from './services.js';
import { texts } from './texts.js';

export class ContactInfoHandoff implements HandoffGateway {
  constructor(
    private readonly feedbackUrl: string,
    private readonly hotline: string | undefined,
  ) {}

  async offerHelp(context: TurnContext, _reason: HandoffReason): Promise<void> {
    await context.sendActivity(texts.handoffInfo(this.feedbackUrl, this.hotline));
  }
}
