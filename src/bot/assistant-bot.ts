/**
 * The bot: welcomes new conversations, runs the main dialog for every message, and saves state at the
 * end of each turn.
 */
import { ActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext, type UserState } from 'botbuilder';
import { runDialog, type DialogState } from 'botbuilder-dialogs';
import type { MainDialog } from '../../dialogs/main-dialog.js';

export class AssistantBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly dialog: MainDialog,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const added = context.activity.membersAdded ?? [];
      if (added.some((m) => m.id !== botId)) await this.dialog.sendWelcome(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      await runDialog(this.dialog, context, this.dialogState);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }
}
