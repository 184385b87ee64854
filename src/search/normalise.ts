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

/** Distinct texts whose tokens are kept while building an index. */
const DOCUMENT_CACHE_LIMIT = 100_000;

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

/** A trie of synonym variants by folded syllable; each step remembers the variants' accented spellings. */
interface PhraseNode {
  next: Map<string, PhraseNode>;
  /** Accented spellings of the syllable that leads here, in the variants that pass through. */
  spellings: Set<string>;
  /** Canonical phrases completed here. */
  canonical?: string[];
}

function addPhrase(root: PhraseNode, accented: string[], canonical: string): void {
  let node = root;
  for (const t of accented) {
    const f = foldToken(t);
    let child = node.next.get(f);
    if (!child) {
      child = { next: new Map(), spellings: new Set() };
      node.next.set(f, child);
    }
    child.spellings.add(t);
    node = child;
  }
  (node.canonical ??= []).push(canonical);
}

/**
 * Does a typed syllable match a variant's syllable? Without accents, by its folded form; with accents,
 * only the same spelling ("hạn" is not "Hàn", "lao" in "lao động" typed with accents is not "Lào").
 */
function syllableMatches(typed: string, node: PhraseNode): boolean {
  return !hasDiacritics(typed) || node.spellings.has(typed) || [...node.spellings].every((v) => !hasDiacritics(v));
}

export class TextNormaliser {
  private readonly expansions = new Map<string, string[][]>();
  private readonly synonyms: PhraseNode = { next: new Map(), spellings: new Set() };
  private readonly contrastPhrases: PhraseNode = { next: new Map(), spellings: new Set() };
  /** Stopword phrases, accented, as token arrays. */
  private readonly stopPhrases: string[][] = [];
  private readonly stopFirst = new Set<string>();
  private readonly documentCache = new Map<string, ReadonlyArray<{ accented: string; folded: string }>>();

  /**
   * @param protectedFolded folded syllables that are words of procedure names or aliases: an unaccented
   *   token equal to one of them is never dropped as a stopword ("co" may be "cơ quan", "ma" "mã số").
   * @param protectedPairs folded pairs of adjacent syllables in procedure names or aliases ("ca nhan"):
   *   an unaccented abbreviation that forms one of them with its neighbour is that word, not the
   *   abbreviation ("ca nhan" is "cá nhân", not "công an nhân").
   */
  constructor(
    dictionaries: Dictionaries,
    private readonly protectedFolded: ReadonlySet<string> = new Set(),
    private readonly protectedPairs: ReadonlySet<string> = new Set(),
  ) {
    for (const map of [dictionaries.teencode, dictionaries.abbreviations]) {
      for (const [key, values] of map) {
        const k = foldToken(canonicalVietnamese(key));
        if (!this.expansions.has(k)) this.expansions.set(k, values.map((v) => tokenize(canonicalVietnamese(v))));
      }
    }
    for (const group of dictionaries.synonyms) {
      for (const variant of group.variants) {
        const accented = tokenize(canonicalVietnamese(variant));
        if (accented.length > 0) addPhrase(this.synonyms, accented, canonicalVietnamese(group.canonical));
      }
    }
    for (const [group, phrases] of dictionaries.contrasts) {
      for (const c of phrases) {
        const accented = tokenize(canonicalVietnamese(c));
        if (accented.length > 0) addPhrase(this.contrastPhrases, accented, group);
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
    tokens.forEach((t, i) => {
      const exp = this.expansions.get(foldToken(t));
      // A dictionary key typed with accents of its own ("đc", "đk") still expands; a real accented word
      // whose folded form happens to be a key ("bán" vs "ban") does not, unless the key has that accent.
      if (exp && (!hasDiacritics(t) || this.keyAccentMatches(t)) && !this.isWordInContext(tokens, i)) {
        for (const e of exp) out.push(...e);
      } else out.push(t);
    });
    return out;
  }

  /** Is the unaccented token at i, with a neighbour, a pair of syllables that procedure names use? */
  private isWordInContext(tokens: readonly string[], i: number): boolean {
    if (this.protectedPairs.size === 0 || hasDiacritics(tokens[i]!)) return false;
    const f = foldToken(tokens[i]!);
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    return (
      (before !== undefined && this.protectedPairs.has(`${foldToken(before)} ${f}`)) ||
      (after !== undefined && this.protectedPairs.has(`${f} ${foldToken(after)}`))
    );
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
    for (let i = 0; i < expanded.length; ) {
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
    // A very long message keeps its beginning and, mostly, its end, where the question usually is.
    if (tokens.length > MAX_QUERY_TOKENS) {
      const head = Math.floor(MAX_QUERY_TOKENS / 4);
      tokens.splice(head, tokens.length - MAX_QUERY_TOKENS);
    }
    this.addSynonyms(expanded, tokens, position + 1);
    return { text, folded: expanded.map(foldToken).join(' '), tokens, accented };
  }

  /**
   * The kinds of variant (groups of the dictionary `contrasts`) that tokens say: phrases of adjacent
   * tokens, accents compared as for synonyms ("mặt" is not "mất").
   */
  contrasts(tokens: readonly Token[]): Set<string> {
    const found = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      let node: PhraseNode | undefined = this.contrastPhrases;
      for (let j = i; j < tokens.length; j++) {
        if (j > i && tokens[j]!.position !== tokens[j - 1]!.position + 1) break;
        node = node.next.get(tokens[j]!.folded);
        if (!node || !syllableMatches(tokens[j]!.accented, node)) break;
        for (const c of node.canonical ?? []) found.add(c);
      }
    }
    return found;
  }

  private addSynonyms(expanded: string[], tokens: Token[], startPosition: number): void {
    const present = new Set(tokens.map((t) => t.folded));
    let position = startPosition;
    const added = new Set<string>();
    for (let i = 0; i < expanded.length; i++) {
      let node: PhraseNode | undefined = this.synonyms;
      for (let j = i; j < expanded.length; j++) {
        node = node.next.get(foldToken(expanded[j]!));
        if (!node || !syllableMatches(expanded[j]!, node)) break;
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

  /**
   * Tokens of a record's text (abbreviations expanded; nothing dropped). Catalogues repeat many texts
   * (document names, subjects, legal titles): the same text gives the same (shared, read-only) tokens.
   */
  document(raw: string): ReadonlyArray<{ accented: string; folded: string }> {
    let tokens = this.documentCache.get(raw);
    if (!tokens) {
      tokens = this.expand(raw, false).map((t) => ({ accented: t, folded: foldToken(t) }));
      if (this.documentCache.size >= DOCUMENT_CACHE_LIMIT) this.documentCache.clear();
      this.documentCache.set(raw, tokens);
    }
    return tokens;
  }

  /** Forget cached document tokens (after an index is built). */
  releaseDocumentCache(): void {
    this.documentCache.clear();
  }
}

function clip(raw: string): string {
  if (raw.length <= MAX_QUERY_CHARS) return raw;
  const half = MAX_QUERY_CHARS / 2;
  return `${raw.slice(0, half)} ${raw.slice(-half)}`;
}
