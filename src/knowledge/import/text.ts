/** Small text helpers for turning scraped portal text into clean record fields. */

/** The portal's filler for an empty cell. ("Không quy định" is a statement and is kept.) */
const NO_INFO = /^không có thông tin\.?$/i;

/** NFC, invisible characters removed, runs of spaces collapsed, trimmed. Keeps line breaks. */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u200b-\u200f\u2028\u2029\ufeff]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Clean text on one line. */
export function cleanLine(s: string): string {
  return cleanText(s).replace(/\s+/g, ' ').trim();
}

/** `undefined` for empty text or the portal's "Không có thông tin". */
export function meaningful(s: string | undefined | null): string | undefined {
  if (s === undefined || s === null) return undefined;
  const t = cleanText(s);
  if (t === '' || NO_INFO.test(t)) return undefined;
  return t;
}

/** Strip list bullets and trailing separators: "- Giấy chứng sinh;" → "Giấy chứng sinh". */
export function stripBullet(s: string): string {
  return cleanLine(s)
    .replace(/^(?:[-+*•–]+\s*|\(?[a-zđ]\)\s+|\d{1,2}[.)]\s+)/i, '')
    .replace(/[;,]\s*$/, '')
    .trim();
}

/** Split on commas that are not inside parentheses. */
export function splitTopLevelCommas(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((p) => cleanLine(p)).filter((p) => p !== '');
}

/** Parse "1,350,000" / "1.350.000" / "500" into a number; undefined when not a plain amount. */
export function parseAmount(s: string): number | undefined {
  const t = s.trim();
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^\d{1,3}(?:\.\d{3})+$/.test(t)) return Number(t.replace(/\./g, ''));
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  return undefined;
}

/** Index of the parenthesis closing the one at `open`, or -1. */
export function closingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
