/**
 * Normalisation of Vietnamese chat text for matching: canonical accented view and folded view, syllable
 * tokens (natural's RegexpTokenizer keeps Vietnamese syllables whole), abbreviations and teencode
 * expanded from the dictionaries, synonyms added, question boilerplate dropped.
 */
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers/index.js';
import type { Dictionaries } from '../knowledge/dictionaries.js';
import { canonicalVietnamese, foldToken, hasDiacritics } from '../text/fold.js';

/** Longest text considered; a longer paste keeps its beginning and its end (where the question usually is). */
export const MAX_QUERY_CHARS = 2000;
/** Most content tokens kept from one question. */
export const MAX_QUERY_TOKENS = 160;

/** Weight of a term added by a synonym relative to a term the citizen typed. */
const SYNONYM_WEIGHT = 0.8;

export type TokenSource = 'typed' | 'expanded' | 'synonym';

export interface Token {
  /** Canonical accented form (lower case, NFC, new-style tones). */
  accented: string;
  /** Folded form: no diacritics, đ → d. */
  folded: string;
  /** Weight of this token's evidence (1 for what was typed). */
  weight: number;
  source: TokenSource;
  /** Position in the token sequence, for bigrams: tokens added by a synonym get their own positions. */
  position: number;
}

export interface NormalisedText {
  /** Canonical accented text with abbreviations and teencode expanded (stopwords kept), for facet detection. */
  text: string;
  /** `text` folded. */
  folded: string;
  /** Content tokens: stopwords removed, synonyms added. */
  tokens: Token[];
  /** Whether the question was typed with diacritics (then accents count as evidence). */
  accented: boolean;
}

const tokenizer = new RegexpTokenizer({ pattern: /[^\p{L}\p{M}\p{N}]+/u });

function tokenize(s: string): string[] {
  return tokenizer.tokenize(s).filter((t) => t !== '');
}

interface PhraseNode {
  next: Map<string, PhraseNode>;
  /** Canonical phrases completed here. */
  canonical?: string[];
}

function addPhrase(root: PhraseNode, folded: string[], canonical: string): void {
  let node = root;
  for (const t of folded) {
    let child = node.next.get(t);
    if (!child) {
      child = { next: new Map() };
      node.next.set(t, child);
    }
    node = child;
  }
  (node.canonical ??= []).push(canonical);
}

export class TextNormaliser {
  private readonly expansions = new Map<string, string[][]>();
  private readonly synonyms: PhraseNode = { next: new Map() };
  /** Stopword phrases, accented, as token arrays. */
  private readonly stopPhrases: string[][] = [];
  private readonly stopFirst = new Set<string>();

  /**
   * @param protectedFolded folded syllables that are words of procedure names or aliases: an unaccented
   *   token equal to one of them is never dropped as a stopword ("co" may be "cơ quan", "ma" "mã số").
   */
  constructor(
    dictionaries: Dictionaries,
    private readonly protectedFolded: ReadonlySet<string> = new Set(),
  ) {
    for (const map of [dictionaries.teencode, dictionaries.abbreviations]) {
      for (const [key, values] of map) {
        const k = foldToken(canonicalVietnamese(key));
        if (!this.expansions.has(k)) this.expansions.set(k, values.map((v) => tokenize(canonicalVietnamese(v))));
      }
    }
    for (const group of dictionaries.synonyms) {
      for (const variant of group.variants) {
        const folded = tokenize(canonicalVietnamese(variant)).map(foldToken);
        if (folded.length > 0) addPhrase(this.synonyms, folded, canonicalVietnamese(group.canonical));
      }
    }
    for (const s of dictionaries.stopwords) {
      const phrase = tokenize(canonicalVietnamese(s));
      if (phrase.length === 0) continue;
      this.stopPhrases.push(phrase);
      this.stopFirst.add(foldToken(phrase[0]!));
    }
    this.stopPhrases.sort((a, b) => b.length - a.length);
  }

  /** Canonical, expanded tokens of a text (no stopword removal, no synonyms). */
  expand(raw: string, clipLongText = true): string[] {
    return this.expandTokens(tokenize(canonicalVietnamese(clipLongText ? clip(raw) : raw)));
  }

  private expandTokens(tokens: string[]): string[] {
    const out: string[] = [];
    for (const t of tokens) {
      const exp = this.expansions.get(foldToken(t));
      // A dictionary key typed with accents of its own ("đc", "đk") still expands; a real accented word
      // whose folded form happens to be a key ("bán" vs "ban") does not, unless the key has that accent.
      if (exp && (!hasDiacritics(t) || this.keyAccentMatches(t))) {
        for (const e of exp) out.push(...e);
      } else out.push(t);
    }
    return out;
  }

  private keyAccentMatches(token: string): boolean {
    return /^[đ\p{ASCII}]+$/u.test(token);
  }

  private isStopAt(tokens: string[], i: number, accented: boolean): number {
    if (!this.stopFirst.has(foldToken(tokens[i]!))) return 0;
    for (const phrase of this.stopPhrases) {
      if (i + phrase.length > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < phrase.length && ok; k++) {
        const t = tokens[i + k]!;
        const p = phrase[k]!;
        if (t === p) continue;
        // Compare without accents only for a token typed without any. A single word whose folded form is a
        // word of a procedure name ("co" may be "cơ quan") is kept; in a phrase ("co mat phi") the context
        // tells.
        const f = foldToken(t);
        ok = !accented && !hasDiacritics(t) && f === foldToken(p) && (phrase.length > 1 || !this.protectedFolded.has(f));
      }
      if (ok) return phrase.length;
    }
    return 0;
  }

  /** Normalise a citizen's question. */
  query(raw: string): NormalisedText {
    const typed = tokenize(canonicalVietnamese(clip(raw)));
    const marked = typed.filter((t) => hasDiacritics(t)).length;
    // Typed with diacritics when a good share of the words carry them (many Vietnamese words have none).
    const accented = typed.length > 0 && marked / typed.length >= 0.3;
    const expanded = this.expandTokens(typed);
    const text = expanded.join(' ');
    const tokens: Token[] = [];
    let position = 0;
    for (let i = 0; i < expanded.length && tokens.length < MAX_QUERY_TOKENS; ) {
      const stop = this.isStopAt(expanded, i, accented);
      if (stop > 0) {
        i += stop;
        position++; // a gap: no bigram across a dropped phrase
        continue;
      }
      const t = expanded[i]!;
      tokens.push({ accented: t, folded: foldToken(t), weight: 1, source: 'typed', position: position++ });
      i++;
    }
    this.addSynonyms(expanded.map(foldToken), tokens, position + 1);
    return { text, folded: expanded.map(foldToken).join(' '), tokens, accented };
  }

  private addSynonyms(folded: string[], tokens: Token[], startPosition: number): void {
    const present = new Set(tokens.map((t) => t.folded));
    let position = startPosition;
    const added = new Set<string>();
    for (let i = 0; i < folded.length; i++) {
      let node: PhraseNode | undefined = this.synonyms;
      for (let j = i; j < folded.length; j++) {
        node = node.next.get(folded[j]!);
        if (!node) break;
        for (const canonical of node.canonical ?? []) {
          if (added.has(canonical)) continue;
          added.add(canonical);
          const ct = tokenize(canonical);
          if (ct.every((t) => present.has(foldToken(t)))) continue;
          for (const t of ct) {
            tokens.push({ accented: t, folded: foldToken(t), weight: SYNONYM_WEIGHT, source: 'synonym', position: position++ });
          }
          position++;
        }
      }
    }
  }

  /** Tokens of a record's text (abbreviations expanded; nothing dropped). */
  document(raw: string): Array<{ accented: string; folded: string }> {
    return this.expand(raw, false).map((t) => ({ accented: t, folded: foldToken(t) }));
  }
}

function clip(raw: string): string {
  if (raw.length <= MAX_QUERY_CHARS) return raw;
  const half = MAX_QUERY_CHARS / 2;
  return `${raw.slice(0, half)} ${raw.slice(-half)}`;
}
