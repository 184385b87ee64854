/**
 * Direct Line conversations and their activities, numbered in order: an activity's id is
 * `<conversationId>|<seq>` (seq zero-padded, as Azure's Direct Line writes it) and the watermark a client
 * keeps is the seq of the last activity it has. Two back-ends: in memory (tests, STORAGE=memory) and the
 * embedded SQLite database (a restart loses nothing, so a reloaded page reconnects to its history).
 */
import type Database from 'better-sqlite3';
import type { Activity } from 'botbuilder';

export interface ConversationRecord {
  id: string;
  userId: string;
  userName?: string;
  locale?: string;
  /** The service URL activities of this conversation carry. */
  serviceUrl: string;
  createdAt: number;
  lastActiveAt: number;
  /** Seq of the last activity (0: none yet). */
  watermark: number;
}

/** An activity as kept in a conversation: it always has its id. */
export type StoredActivity = Activity & { id: string };

export interface ActivityPage {
  activities: Activity[];
  /** Seq of the last activity returned, or the conversation's watermark when none were. */
  watermark: number;
}

export interface ConversationStore {
  create(conversation: Omit<ConversationRecord, 'watermark' | 'lastActiveAt'>): ConversationRecord;
  get(id: string): ConversationRecord | undefined;
  /** Store an activity at the next seq; returns it with its id. */
  append(conversationId: string, activity: Activity, now: number): StoredActivity;
  /** Activities after `watermark`, oldest first, at most `limit`. */
  after(conversationId: string, watermark: number, limit: number): ActivityPage;
  /** Delete conversations idle since before `cutoff`; returns how many. */
  prune(cutoff: number): number;
}

export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

export class MemoryConversationStore implements ConversationStore {
  private readonly conversations = new Map<string, { record: ConversationRecord; activities: Activity[] }>();

  create(conversation: Omit<ConversationRecord, 'watermark' | 'lastActiveAt'>): ConversationRecord {
    const record: ConversationRecord = { ...conversation, watermark: 0, lastActiveAt: conversation.createdAt };
    this.conversations.set(record.id, { record, activities: [] });
    return { ...record };
  }

  get(id: string): ConversationRecord | undefined {
    const entry = this.conversations.get(id);
    return entry ? { ...entry.record } : undefined;
  }

  append(conversationId: string, activity: Activity, now: number): StoredActivity {
    const entry = this.conversations.get(conversationId);
    if (!entry) throw new Error(`Direct Line: no conversation ${conversationId}`);
    const seq = entry.record.watermark + 1;
    const stored: StoredActivity = { ...activity, id: activityId(conversationId, seq) };
    entry.activities.push(structuredClone(stored));
    entry.record.watermark = seq;
    entry.record.lastActiveAt = now;
    return stored;
  }

  after(conversationId: string, watermark: number, limit: number): ActivityPage {
    const entry = this.conversations.get(conversationId);
    if (!entry) return { activities: [], watermark };
    // Seq n is at index n - 1.
    const activities = entry.activities.slice(watermark, watermark + limit).map((a) => structuredClone(a));
    return { activities, watermark: activities.length > 0 ? watermark + activities.length : entry.record.watermark };
  }

  prune(cutoff: number): number {
    let removed = 0;
    for (const [id, entry] of this.conversations) {
      if (entry.record.lastActiveAt < cutoff) {
        this.conversations.delete(id);
        removed++;
      }
    }
    return removed;
  }
}

interface ConversationRow {
  id: string;
  user_id: string;
  user_name: string | null;
  locale: string | null;
  service_url: string;
  created_at: number;
  last_active_at: number;
  watermark: number;
}

export class SqliteConversationStore implements ConversationStore {
  private readonly insertConversation: Database.Statement<[string, string, string | null, string | null, string, number, number]>;
  private readonly selectConversation: Database.Statement<[string], ConversationRow>;
  private readonly insertActivity: Database.Statement<[string, number, string]>;
  private readonly bumpConversation: Database.Statement<[number, number, string]>;
  private readonly selectAfter: Database.Statement<[string, number, number], { seq: number; body: string }>;
  private readonly appendTx: (conversationId: string, activity: Activity, now: number) => StoredActivity;

  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS directline_conversation (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL,
      user_name TEXT,
      locale TEXT,
      service_url TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      last_active_at INTEGER NOT NULL,
      watermark INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE IF NOT EXISTS directline_activity (
      conversation_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      body TEXT NOT NULL,
      PRIMARY KEY (conversation_id, seq)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS directline_conversation_idle ON directline_conversation (last_active_at);`);
    this.insertConversation = db.prepare(
      'INSERT INTO directline_conversation (id, user_id, user_name, locale, service_url, created_at, last_active_at, watermark) VALUES (?, ?, ?, ?, ?, ?, ?, 0)',
    );
    this.selectConversation = db.prepare('SELECT * FROM directline_conversation WHERE id = ?');
    this.insertActivity = db.prepare('INSERT INTO directline_activity (conversation_id, seq, body) VALUES (?, ?, ?)');
    this.bumpConversation = db.prepare('UPDATE directline_conversation SET watermark = ?, last_active_at = ? WHERE id = ?');
    this.selectAfter = db.prepare(
      'SELECT seq, body FROM directline_activity WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    );
    this.appendTx = db.transaction((conversationId: string, activity: Activity, now: number): StoredActivity => {
      const row = this.selectConversation.get(conversationId);
      if (!row) throw new Error(`Direct Line: no conversation ${conversationId}`);
      const seq = row.watermark + 1;
      const stored: StoredActivity = { ...activity, id: activityId(conversationId, seq) };
      this.insertActivity.run(conversationId, seq, JSON.stringify(stored));
      this.bumpConversation.run(seq, now, conversationId);
      return stored;
    });
  }

  create(conversation: Omit<ConversationRecord, 'watermark' | 'lastActiveAt'>): ConversationRecord {
    this.insertConversation.run(
      conversation.id,
      conversation.userId,
      conversation.userName ?? null,
      conversation.locale ?? null,
      conversation.serviceUrl,
      conversation.createdAt,
      conversation.createdAt,
    );
    return { ...conversation, watermark: 0, lastActiveAt: conversation.createdAt };
  }

  get(id: string): ConversationRecord | undefined {
    const row = this.selectConversation.get(id);
    if (!row) return undefined;
    const record: ConversationRecord = {
      id: row.id,
      userId: row.user_id,
      serviceUrl: row.service_url,
      createdAt: row.created_at,
      lastActiveAt: row.last_active_at,
      watermark: row.watermark,
    };
    if (row.user_name !== null) record.userName = row.user_name;
    if (row.locale !== null) record.locale = row.locale;
    return record;
  }

  append(conversationId: string, activity: Activity, now: number): StoredActivity {
    return this.appendTx(conversationId, activity, now);
  }

  after(conversationId: string, watermark: number, limit: number): ActivityPage {
    const rows = this.selectAfter.all(conversationId, watermark, limit);
    if (rows.length === 0) return { activities: [], watermark: this.get(conversationId)?.watermark ?? watermark };
    return { activities: rows.map((r) => JSON.parse(r.body) as Activity), watermark: rows[rows.length - 1]!.seq };
  }

  prune(cutoff: number): number {
    const tx = this.db.transaction((limit: number): number => {
      const ids = this.db
        .prepare('SELECT id FROM directline_conversation WHERE last_active_at < ?')
        .pluck()
        .all(limit) as string[];
      const deleteActivities = this.db.prepare('DELETE FROM directline_activity WHERE conversation_id = ?');
      const deleteConversation = this.db.prepare('DELETE FROM directline_conversation WHERE id = ?');
      for (const id of ids) {
        deleteActivities.run(id);
        deleteConversation.run(id);
      }
      return ids.length;
    });
    return tx(cutoff);
  }
}
