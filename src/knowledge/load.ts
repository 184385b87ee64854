/**
 * Loading knowledge directories: procedure records (one file per procedure, YAML or JSON) and the
 * dictionaries. Every problem is reported with its file and field path; nothing throws on bad data.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import {
  contrastGroups,
  DICTIONARY_FILES,
  emptyDictionaries,
  expansionMap,
  stopwordList,
  synonymList,
  toExpansionMap,
  type Dictionaries,
} from './dictionaries.js';
import { formatPath, type KnowledgeIssue } from './issues.js';
import { overlayAll } from './overlay.js';
import { procedureRecord, type ProcedureRecord } from './schema.js';

/**
 * The knowledge/ directory shipped with the service: found by walking up from this module, which runs
 * from src/ (tsx) or from dist/src/ (compiled).
 */
function findShippedKnowledge(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'knowledge');
    if (existsSync(join(candidate, 'procedures')) && existsSync(join(dir, 'package.json'))) return candidate;
    dir = dirname(dir);
  }
  return resolve('knowledge');
}

export const SHIPPED_KNOWLEDGE_DIR = findShippedKnowledge();

const RECORD_EXTENSIONS = ['.yaml', '.yml', '.json'];
const DICTIONARY_DIR = 'dictionaries';

export interface LoadedRecords {
  records: ProcedureRecord[];
  issues: KnowledgeIssue[];
  files: number;
}

export interface KnowledgeBase {
  records: ProcedureRecord[];
  byCode: Map<string, ProcedureRecord>;
  dictionaries: Dictionaries;
}

function readStructured(file: string, display: string, issues: KnowledgeIssue[]): unknown {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    issues.push({ file: display, path: '', message: `không đọc được tệp: ${(err as Error).message}` });
    return undefined;
  }
  try {
    return file.endsWith('.json') ? JSON.parse(raw) : parseYaml(raw, { prettyErrors: true });
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const where = err.linePos?.[0] ? ` (dòng ${err.linePos[0].line}, cột ${err.linePos[0].col})` : '';
      issues.push({ file: display, path: '', message: `YAML không hợp lệ${where}: ${err.message.split('\n')[0]}` });
    } else {
      issues.push({ file: display, path: '', message: `JSON không hợp lệ: ${(err as Error).message}` });
    }
    return undefined;
  }
}

function zodIssues(display: string, error: z.ZodError): KnowledgeIssue[] {
  return error.issues.map((i) => ({ file: display, path: formatPath(i.path), message: i.message }));
}

/** All record files under `dir`, skipping the dictionaries folder and files whose name starts with `_` or `.`. */
export function listRecordFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, top: boolean): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) {
        if (top && entry.name === DICTIONARY_DIR) continue;
        walk(full, false);
      } else if (RECORD_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) {
        out.push(full);
      }
    }
  };
  walk(dir, true);
  return out;
}

/** Load and validate every record in `dir`. Duplicate codes are reported as issues. */
export function loadRecords(dir: string): LoadedRecords {
  const issues: KnowledgeIssue[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { records: [], issues: [{ file: dir, path: '', message: 'thư mục không tồn tại' }], files: 0 };
  }
  const files = listRecordFiles(dir);
  const records: ProcedureRecord[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const display = relative(process.cwd(), file) || file;
    const data = readStructured(file, display, issues);
    if (data === undefined) continue;
    const parsed = procedureRecord.safeParse(data);
    if (!parsed.success) {
      issues.push(...zodIssues(display, parsed.error));
      continue;
    }
    const first = seen.get(parsed.data.code);
    if (first !== undefined) {
      issues.push({ file: display, path: 'code', message: `mã ${parsed.data.code} trùng với tệp ${first}` });
      continue;
    }
    seen.set(parsed.data.code, display);
    records.push(parsed.data);
  }
  return { records, issues, files: files.length };
}

function loadDictionary<T extends z.ZodType>(
  dir: string,
  name: string,
  schema: T,
  issues: KnowledgeIssue[],
): z.infer<T> | undefined {
  const file = join(dir, DICTIONARY_DIR, name);
  const display = relative(process.cwd(), file) || file;
  if (!existsSync(file)) return undefined;
  const data = readStructured(file, display, issues);
  if (data === undefined) return undefined;
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    issues.push(...zodIssues(display, parsed.error));
    return undefined;
  }
  return parsed.data;
}

export function loadDictionaries(dir: string): { dictionaries: Dictionaries; issues: KnowledgeIssue[] } {
  const issues: KnowledgeIssue[] = [];
  const d = emptyDictionaries();
  const abbreviations = loadDictionary(dir, DICTIONARY_FILES.abbreviations, expansionMap, issues);
  if (abbreviations) d.abbreviations = toExpansionMap(abbreviations);
  const teencode = loadDictionary(dir, DICTIONARY_FILES.teencode, expansionMap, issues);
  if (teencode) d.teencode = toExpansionMap(teencode);
  const synonyms = loadDictionary(dir, DICTIONARY_FILES.synonyms, synonymList, issues);
  if (synonyms) d.synonyms = synonyms;
  const stopwords = loadDictionary(dir, DICTIONARY_FILES.stopwords, stopwordList, issues);
  if (stopwords) d.stopwords = stopwords;
  const contrasts = loadDictionary(dir, DICTIONARY_FILES.contrasts, contrastGroups, issues);
  if (contrasts) d.contrasts = new Map(Object.entries(contrasts));
  return { dictionaries: d, issues };
}

export interface LoadKnowledgeOptions {
  /** The shipped, curated knowledge (default: knowledge/ of this project). */
  shippedDir?: string;
  /** A directory of extra records (e.g. a whole imported catalogue), merged under the shipped records. */
  extraDir?: string;
}

export interface LoadKnowledgeResult {
  knowledge: KnowledgeBase;
  issues: KnowledgeIssue[];
}

/**
 * Load the shipped knowledge and, optionally, an extra directory merged under it: all records of both
 * are searchable; a shipped record with the same code wins field by field; the shipped dictionaries apply.
 * Bad files are reported and skipped; good ones are kept.
 */
export function loadKnowledge(options: LoadKnowledgeOptions = {}): LoadKnowledgeResult {
  const shippedDir = options.shippedDir ?? SHIPPED_KNOWLEDGE_DIR;
  const shipped = loadRecords(shippedDir);
  const { dictionaries, issues: dictIssues } = loadDictionaries(shippedDir);
  const issues = [...shipped.issues, ...dictIssues];
  let records = shipped.records;
  if (options.extraDir !== undefined) {
    const extra = loadRecords(options.extraDir);
    issues.push(...extra.issues);
    records = overlayAll(extra.records, shipped.records);
  }
  const byCode = new Map(records.map((r) => [r.code, r]));
  return { knowledge: { records, byCode, dictionaries }, issues };
}
