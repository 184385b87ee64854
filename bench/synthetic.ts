/**
 * Synthetic catalogues for benchmarks: `n` records generated from real ones, so vocabulary and lengths
 * stay realistic. Each synthetic record takes a real record's content and a name that joins its name to a
 * piece of another record's name (as national names do: "… đối với …", "… thực hiện tại …").
 */
import type { ProcedureRecord } from '../src/knowledge/schema.js';

/** mulberry32: a small seeded generator, so every run builds the same catalogue. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JOINERS = ['đối với', 'trong trường hợp', 'thực hiện tại', 'liên quan đến', 'kết hợp'];

export function synthesise(base: readonly ProcedureRecord[], n: number, seed: number): ProcedureRecord[] {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const out: ProcedureRecord[] = [];
  for (let i = 0; i < n; i++) {
    const a = pick(base);
    const b = pick(base);
    const words = b.name.split(/\s+/);
    const start = Math.floor(rand() * Math.max(1, words.length - 4));
    const piece = words.slice(start, start + 3 + Math.floor(rand() * 5)).join(' ');
    const { aliases: _aliases, sampleQuestions: _questions, ...rest } = a;
    out.push({
      ...rest,
      code: `9.${String(i).padStart(6, '0')}`,
      name: `${a.name} ${pick(JOINERS)} ${piece}`,
      origin: 'imported',
    });
  }
  return out;
}
