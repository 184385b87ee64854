/**
 * Bot state in an embedded SQLite file: the botbuilder `Storage` interface (read / write / delete of
 * JSON items by key) with optimistic concurrency by eTag, like MemoryStorage. A restart loses nothing.
 */
import type Database from 'better-sqlite3';
import type { Storage, StoreItems } from 'botbuilder';

interface Row {
  key: string;
  value: string;
  etag: string;
}

export class SqliteStorage implements Storage {
  private readonly selectStmt: Database.Statement<[string], Row>;
  private readonly upsertStmt: Database.Statement<[string, string, string, number]>;
  private readonly deleteStmt: Database.Statement<[string]>;
  private etagCounter = Date.now();

  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS bot_state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      etag TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    )`);
    this.selectStmt = db.prepare('SELECT key, value, etag FROM bot_state WHERE key = ?');
    this.upsertStmt = db.prepare(
      'INSERT INTO bot_state (key, value, etag, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at',
    );
    this.deleteStmt = db.prepare('DELETE FROM bot_state WHERE key = ?');
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.selectStmt.get(key);
      if (row) items[key] = { ...(JSON.parse(row.value) as object), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const apply = this.db.transaction((entries: Array<[string, Record<string, unknown>]>) => {
      for (const [key, item] of entries) {
        const current = this.selectStmt.get(key);
        const eTag = item.eTag as string | undefined;
        if (current && eTag !== undefined && eTag !== '*' && eTag !== current.etag) {
          throw new Error(`Storage: eTag conflict for key '${key}'`);
        }
        const { eTag: _drop, ...value } = item;
        this.upsertStmt.run(key, JSON.stringify(value), String(++this.etagCounter), Date.now());
      }
    });
    apply(Object.entries(changes) as Array<[string, Record<string, unknown>]>);
  }

  async delete(keys: string[]): Promise<void> {
    const apply = this.db.transaction((list: string[]) => {
      for (const key of list) this.deleteStmt.run(key);
    });
    apply(keys);
  }
}
