/**
 * npm run bench — matching latency (p50, p99), index build time and memory at 100, 2,642 (the imported
 * national reference catalogue) and 50,000 records (synthetic, generated from the reference records),
 * (the real catalogue plus synthetic records), and in the same run the same questions through two baselines a developer would otherwise pick:
 * fuse.js over names with default options, and MiniSearch with default options.
 *
 * Needs ../shared (the reference catalogue and the development questions); without it only the shipped
 * catalogue is measured.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { importPortalData } from '../src/knowledge/import/importer.js';
import { loadKnowledge, loadRecords, type KnowledgeBase } from '../src/knowledge/load.js';
import { overlayAll } from '../src/knowledge/overlay.js';
import type { ProcedureRecord } from '../src/knowledge/schema.js';
import { evalQuestion, type EvalQuestion } from '../src/search/evaluate.js';
import { Matcher } from '../src/search/matcher.js';
import { synthesise } from './synthetic.js';

const SHARED = resolve(process.env.SHARED_DIR ?? fileURLToPath(new URL('../../shared', import.meta.url)));
const RAW = join(SHARED, 'data-raw/tthc_dichvucong_chatbot-tthc.jsonl.gz');
const DEV = join(SHARED, 'eval/dev.jsonl');
const ROUNDS = 5;
/** Questions run through fuse.js on the largest catalogue. */
const BASELINE_SAMPLE = 20;

interface Measure {
  system: string;
  records: number;
  questions: number;
  rounds: number;
  buildMs: number;
  heapMb: number;
  p50: number;
  p99: number;
  top1?: number;
  top3?: number;
}

type Searcher = (q: string) => string[];

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

function measure(
  system: string,
  records: readonly ProcedureRecord[],
  build: () => Searcher,
  questions: readonly EvalQuestion[],
  rounds = ROUNDS,
): Measure {
  const before = heapUsed();
  const t0 = performance.now();
  const search = build();
  const buildMs = performance.now() - t0;
  const heapMb = (heapUsed() - before) / 1024 / 1024;
  // Warm up, then time every question over several rounds.
  for (const q of questions) search(q.q);
  const times: number[] = [];
  let top1 = 0;
  let top3 = 0;
  let labelled = 0;
  for (let round = 0; round < rounds; round++) {
    for (const q of questions) {
      const s = performance.now();
      const got = search(q.q);
      times.push(performance.now() - s);
      if (round === 0 && q.codes.length > 0) {
        labelled++;
        if (got[0] !== undefined && q.codes.includes(got[0])) top1++;
        if (got.slice(0, 3).some((c) => q.codes.includes(c))) top3++;
      }
    }
  }
  times.sort((a, b) => a - b);
  const m: Measure = {
    system,
    records: records.length,
    buildMs,
    heapMb,
    p50: percentile(times, 0.5),
    p99: percentile(times, 0.99),
    questions: questions.length,
    rounds,
  };
  if (labelled > 0) {
    m.top1 = top1 / labelled;
    m.top3 = top3 / labelled;
  }
  return m;
}

function ours(records: readonly ProcedureRecord[], kb: KnowledgeBase): () => Searcher {
  return () => {
    const matcher = new Matcher(records, kb.dictionaries);
    return (q) => matcher.match(q).results.map((r) => r.code);
  };
}

function fuseBaseline(records: readonly ProcedureRecord[]): () => Searcher {
  return () => {
    const fuse = new Fuse(records as ProcedureRecord[], { keys: ['name'] });
    return (q) => fuse.search(q, { limit: 10 }).map((r) => r.item.code);
  };
}

function miniSearchBaseline(records: readonly ProcedureRecord[]): () => Searcher {
  return () => {
    const ms = new MiniSearch<{ id: number; name: string; code: string }>({ fields: ['name'], storeFields: ['code'] });
    ms.addAll(records.map((r, id) => ({ id, name: r.name, code: r.code })));
    return (q) => ms.search(q).slice(0, 10).map((r) => String(r.code));
  };
}

function fmt(n: number | undefined, digits = 2): string {
  return n === undefined ? '—' : n.toFixed(digits);
}

function pctOf(n: number | undefined): string {
  return n === undefined ? '—' : `${(100 * n).toFixed(1)}%`;
}

async function main(): Promise<void> {
  if (!(globalThis as { gc?: unknown }).gc) {
    process.stderr.write('(chạy với node --expose-gc để đo bộ nhớ chính xác; npm run bench đã làm điều đó)\n');
  }
  const shippedKb = loadKnowledge().knowledge;
  const haveShared = existsSync(RAW) && existsSync(DEV);
  const questions: EvalQuestion[] = haveShared
    ? readFileSync(DEV, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => evalQuestion.parse(JSON.parse(l)))
    : shippedKb.records.flatMap((r) => (r.sampleQuestions ?? []).map((q) => ({ q, codes: [r.code] })));

  const sizes: Array<{ label: string; records: ProcedureRecord[] }> = [];
  sizes.push({ label: '100', records: shippedKb.records.slice(0, 100) });
  let tmp: string | undefined;
  if (haveShared) {
    tmp = mkdtempSync(join(tmpdir(), 'bench-import-'));
    process.stderr.write('Nhập danh mục tham chiếu quốc gia…\n');
    await importPortalData({ input: RAW, outDir: tmp });
    const national = overlayAll(loadRecords(tmp).records, shippedKb.records);
    sizes.push({ label: '2,642', records: national });
    // The real catalogue plus synthetic records up to 50,000: accuracy then shows how the real answers
    // hold up among many look-alike records.
    sizes.push({ label: '50,000', records: [...national, ...synthesise(national, 50_000 - national.length, 20261123)] });
  } else {
    process.stderr.write(`Không thấy ${SHARED}: chỉ đo danh mục đi kèm.\n`);
  }

  const rows: Measure[] = [];
  for (const size of sizes) {
    process.stderr.write(`Đo ${size.label} thủ tục…\n`);
    const ourRow = measure('ours', size.records, ours(size.records, shippedKb), questions);
    // fuse.js scans every name for every question (seconds per question at 50,000 records): at large
    // sizes the baselines run a sample of the questions once; their rows say so.
    const big = size.records.length > 5000;
    const sample = big ? questions.slice(0, BASELINE_SAMPLE) : questions;
    const fuseRow = measure('fuse.js (names, defaults)', size.records, fuseBaseline(size.records), sample, big ? 1 : ROUNDS);
    const miniRow = measure('MiniSearch (defaults)', size.records, miniSearchBaseline(size.records), questions);
    rows.push(ourRow, fuseRow, miniRow);
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });

  const lines: string[] = [];
  lines.push(`Câu hỏi: ${questions.length} (${haveShared ? 'eval/dev.jsonl' : 'câu hỏi mẫu của danh mục'}), ${ROUNDS} lượt sau khởi động; Node ${process.version}`);
  lines.push('');
  lines.push('| records | system | questions × rounds | build ms | heap MB | p50 ms | p99 ms | top-1 | top-3 | p99 vs ours | top-1 vs ours |');
  lines.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (let i = 0; i < rows.length; i += 3) {
    const base = rows[i]!;
    for (const r of rows.slice(i, i + 3)) {
      const ratio = r === base ? '1.00×' : `${(r.p99 / base.p99).toFixed(2)}×`;
      const acc = r === base || r.top1 === undefined || base.top1 === undefined ? '' : `${(100 * (r.top1 - base.top1)).toFixed(1)} pts`;
      lines.push(
        `| ${r.records} | ${r.system} | ${r.questions} × ${r.rounds} | ${fmt(r.buildMs, 0)} | ${fmt(r.heapMb, 1)} | ${fmt(r.p50, 3)} | ${fmt(r.p99, 3)} | ${pctOf(r.top1)} | ${pctOf(r.top3)} | ${ratio} | ${acc} |`,
      );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

void main();
