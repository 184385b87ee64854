/**
 * Turns of one conversation run one after another (the bot's conversation state is read at the start of a
 * turn and saved at its end), turns of different conversations side by side.
 */
export class TurnQueue {
  private readonly queues = new Map<string, { tail: Promise<void>; pending: number }>();

  constructor(private readonly onError: (conversationId: string, error: unknown) => void) {}

  /** Turns waiting or running for a conversation. */
  pending(conversationId: string): number {
    return this.queues.get(conversationId)?.pending ?? 0;
  }

  /** Queue a turn; resolves when it has run (errors go to onError, never to the caller). */
  run(conversationId: string, job: () => Promise<void>): Promise<void> {
    let entry = this.queues.get(conversationId);
    if (!entry) {
      entry = { tail: Promise.resolve(), pending: 0 };
      this.queues.set(conversationId, entry);
    }
    const queue = entry;
    queue.pending++;
    const next = queue.tail
      .then(job)
      .catch((error: unknown) => this.onError(conversationId, error))
      .finally(() => {
        queue.pending--;
        if (queue.pending === 0 && this.queues.get(conversationId) === queue) this.queues.delete(conversationId);
      });
    queue.tail = next;
    return next;
  }

  /** Resolves when the conversation's queued turns (or all conversations' turns) have run. */
  async idle(conversationId?: string): Promise<void> {
    const tails = conversationId !== undefined
      ? [this.queues.get(conversationId)?.tail]
      : [...this.queues.values()].map((q) => q.tail);
    await Promise.all(tails.filter((t): t is Promise<void> => t !== undefined));
    if (conversationId === undefined ? this.queues.size > 0 : this.pending(conversationId) > 0) await this.idle(conversationId);
  }
}
