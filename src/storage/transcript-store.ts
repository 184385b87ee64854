/**
 * Every turn, as the botbuilder TranscriptStore interface sees it (incoming and outgoing activities per
 * channel and conversation), kept in SQLite for officers to read; and an in-memory one for tests.
 */
import type Database from 'better-sqlite3';
import {
  MemoryTranscriptStore,
  type Activity,
  type PagedResult,
  type TranscriptInfo,
  type TranscriptStore,
} from 'botbuilder';

const PAGE_SIZE = 100;

interface ActivityRow {
  body: string;
}

interface ConversationRow {
  conversation_id: string;
  created: number;
}

export class SqliteTranscriptStore implements TranscriptStore {
  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS transcript (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      channel_id TEXT NOT NULL,
      conversation_id TEXT NOT NULL,
      activity_id TEXT,
      timestamp INTEGER NOT NULL,
      body TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS transcript_conversation ON transcript (channel_id, conversation_id, seq);`);
  }

  async logActivity(activity: Activity): Promise<void> {
    const channelId = activity.channelId ?? 'unknown';
    const conversationId = activity.conversation?.id ?? 'unknown';
    const ts = activity.timestamp ? new Date(activity.timestamp).getTime() : Date.now();
    this.db
      .prepare('INSERT INTO transcript (channel_id, conversation_id, activity_id, timestamp, body) VALUES (?, ?, ?, ?, ?)')
      .run(channelId, conversationId, activity.id ?? null, Number.isFinite(ts) ? ts : Date.now(), JSON.stringify(activity));
  }

  async getTranscriptActivities(
    channelId: string,
    conversationId: string,
    continuationToken?: string,
    startDate?: Date,
  ): Promise<PagedResult<Activity>> {
    const offset = continuationToken ? Number(continuationToken) || 0 : 0;
    const since = startDate ? startDate.getTime() : 0;
    const rows = this.db
      .prepare(
        'SELECT body FROM transcript WHERE channel_id = ? AND conversation_id = ? AND timestamp >= ? ORDER BY seq LIMIT ? OFFSET ?',
      )
      .all(channelId, conversationId, since, PAGE_SIZE + 1, offset) as ActivityRow[];
    const items = rows.slice(0, PAGE_SIZE).map((r) => JSON.parse(r.body) as Activity);
    const result: PagedResult<Activity> = { items, continuationToken: '' };
    if (rows.length > PAGE_SIZE) result.continuationToken = String(offset + PAGE_SIZE);
    return result;
  }

  async listTranscripts(channelId: string, continuationToken?: string): Promise<PagedResult<TranscriptInfo>> {
    const offset = continuationToken ? Number(continuationToken) || 0 : 0;
    const rows = this.db
      .prepare(
        'SELECT conversation_id, MIN(timestamp) AS created FROM transcript WHERE channel_id = ? GROUP BY conversation_id ORDER BY created LIMIT ? OFFSET ?',
      )
      .all(channelId, PAGE_SIZE + 1, offset) as ConversationRow[];
    const items = rows.slice(0, PAGE_SIZE).map((r) => ({ channelId, id: r.conversation_id, created: new Date(r.created) }));
    const result: PagedResult<TranscriptInfo> = { items, continuationToken: '' };
    if (rows.length > PAGE_SIZE) result.continuationToken = String(offset + PAGE_SIZE);
    return result;
  }

  async deleteTranscript(channelId: string, conversationId: string): Promise<void> {
    this.db.prepare('DELETE FROM transcript WHERE channel_id = ? AND conversation_id = ?').run(channelId, conversationId);
  }
}

export { MemoryTranscriptStore };
