/**
 * The dictionaries the matcher needs, kept as data in knowledge/dictionaries/:
 * abbreviations and teencode (a short form → what it stands for), synonyms (everyday wording → the
 * wording procedures use), stopwords (question boilerplate that says nothing about the procedure),
 * contrasts (words that set sibling procedures apart: cấp lại / cấp đổi, lưu động, chấm dứt…).
 */
import { z } from 'zod';

const phrase = z.string().trim().min(1, 'không được để trống');

/** `cccd: căn cước công dân`; several expansions may be given as a list. */
export const expansionMap = z.record(phrase, z.union([phrase, z.array(phrase).min(1)]));

export const synonymGroup = z
  .object({
    /** The wording used in procedure records. */
    canonical: phrase,
    /** What citizens say instead. */
    variants: z.array(phrase).min(1),
  })
  .strict();

export const synonymList = z.array(synonymGroup);
export const stopwordList = z.array(phrase);
/** `cấp lại: [cấp lại, làm lại, mất, …]`: a kind of variant and the words that say it. */
export const contrastGroups = z.record(phrase, z.array(phrase).min(1));

export interface Dictionaries {
  abbreviations: Map<string, string[]>;
  teencode: Map<string, string[]>;
  synonyms: Array<z.infer<typeof synonymGroup>>;
  stopwords: string[];
  contrasts: Map<string, string[]>;
}

export const DICTIONARY_FILES = {
  abbreviations: 'abbreviations.yaml',
  teencode: 'teencode.yaml',
  synonyms: 'synonyms.yaml',
  stopwords: 'stopwords.yaml',
  contrasts: 'contrasts.yaml',
} as const;

export function emptyDictionaries(): Dictionaries {
  return { abbreviations: new Map(), teencode: new Map(), synonyms: [], stopwords: [], contrasts: new Map() };
}

export function toExpansionMap(parsed: z.infer<typeof expansionMap>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(parsed)) {
    out.set(key.normalize('NFC').toLowerCase(), (Array.isArray(value) ? value : [value]).map((v) => v.normalize('NFC')));
  }
  return out;
}
