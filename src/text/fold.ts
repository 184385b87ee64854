/**
 * Vietnamese text views: canonical accented form (NFC, one tone placement) and the diacritic-folded form
 * (no marks, đ → d) that matches what people type without accents.
 */

/** Lower case without diacritics (đ → d), for comparing labels whatever their accents. */
export function foldForMatch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();
}

/** Base letter of every precomposed Vietnamese letter (lower and upper case), built once. */
const BASE = new Map<string, string>();
for (const base of 'aeiouyAEIOUY') {
  for (const mark of ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323']) {
    for (const shape of ['', '\u0302', '\u0306', '\u031b']) {
      const composed = (base + shape + mark).normalize('NFC');
      if (composed.length === 1 && composed !== base) BASE.set(composed, base);
    }
  }
}
BASE.set('đ', 'd');
BASE.set('Đ', 'D');

const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 200_000;

function foldUncached(token: string): string {
  let out = '';
  let plain = true;
  for (const ch of token) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out += ch;
      continue;
    }
    const base = BASE.get(ch);
    if (base !== undefined) out += base;
    else {
      plain = false;
      break;
    }
  }
  // Letters outside the table (decomposed marks, other scripts): the general way.
  return plain ? out : token.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Fold one token (no trim, no case change); memoised, since a corpus repeats its syllables. */
export function foldToken(token: string): string {
  let f = foldCache.get(token);
  if (f === undefined) {
    f = foldUncached(token);
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(token, f);
  }
  return f;
}

/** Does a token carry any Vietnamese diacritic (or đ)? */
export function hasDiacritics(token: string): boolean {
  return foldToken(token) !== token;
}

/**
 * Old-style tone placement → new style, for open syllables ending in oa, oe, uy: "hoà" → "hòa",
 * "khoẻ" → "khỏe", "uỷ" → "ủy". "quý", "qua" keep theirs (qu is a consonant there).
 */
const OLD_TONES: ReadonlyArray<readonly [string, string]> = [
  ['oà', 'òa'], ['oá', 'óa'], ['oả', 'ỏa'], ['oã', 'õa'], ['oạ', 'ọa'],
  ['oè', 'òe'], ['oé', 'óe'], ['oẻ', 'ỏe'], ['oẽ', 'õe'], ['oẹ', 'ọe'],
  ['uỳ', 'ùy'], ['uý', 'úy'], ['uỷ', 'ủy'], ['uỹ', 'ũy'], ['uỵ', 'ụy'],
];
const OLD_TONE_RE = new RegExp(`(?<!q)(${OLD_TONES.map(([o]) => o).join('|')})(?![\\p{L}])`, 'gu');
const OLD_TONE_MAP = new Map(OLD_TONES);

/**
 * After a consonant, a syllable-final y and i are the same sound and both spellings are in use ("ký"/"kí",
 * "lý"/"lí", "mỹ"/"mĩ", "sỹ"/"sĩ"): one spelling (i) for matching. A lone "y" ("y tế") and y after a vowel
 * ("tay", "quay") are other words and stay.
 */
const Y_TO_I = new Map([['y', 'i'], ['ý', 'í'], ['ỳ', 'ì'], ['ỷ', 'ỉ'], ['ỹ', 'ĩ'], ['ỵ', 'ị']]);
const FINAL_Y_RE = /(?<![\p{L}])((?:ch|gh|kh|ng|nh|ph|th|tr|qu|[bcdđghklmnpqrstvx]))([yýỳỷỹỵ])(?![\p{L}])/gu;

/** NFC, lower case, new-style tone placement, one spelling for y/i after a consonant. */
export function canonicalVietnamese(s: string): string {
  let out = s.normalize('NFC').toLowerCase();
  if (/[oòóỏõọuùúủũụ][àáảãạèéẻẽẹỳýỷỹỵ]/.test(out)) out = out.replace(OLD_TONE_RE, (m) => OLD_TONE_MAP.get(m) ?? m);
  if (/[yýỳỷỹỵ]/.test(out)) out = out.replace(FINAL_Y_RE, (_m, c: string, y: string) => c + (Y_TO_I.get(y) ?? y));
  return out;
}
