/**
 * Recognising short Vietnamese replies: yes / no / skip / stop, a choice by number or by (part of) its
 * name, global commands. Replies are compared without accents and with chat shorthand ("co", "ko", "dc",
 * "ừ", "ok"). The Bot Framework SDK has no vi-VN culture for this.
 */
import { canonicalVietnamese, foldToken } from '../text/fold.js';
import { commandWords } from './texts.js';

/** Lower case, no accents, no punctuation, single spaces. */
export function simplify(text: string): string {
  return canonicalVietnamese(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '')
    .map(foldToken)
    .join(' ');
}

/** Polite or chatty words that end a short message without changing it ("cảm ơn ad nhiều nha"). */
const TRAILING_FILLER = / (a|ah|nhe|nha|nhia|ad|admin|ban|nhieu|lam|qua|ak|nhe ad|a a)$/;

function withoutFiller(s: string): string {
  let out = s;
  for (let i = 0; i < 4 && TRAILING_FILLER.test(out); i++) out = out.replace(TRAILING_FILLER, '');
  return out;
}

export type YesNo = 'yes' | 'no' | 'skip' | 'stop';

const YES = new Set([
  'co', 'co roi', 'roi', 'da co', 'co a', 'da', 'vang', 'u', 'uh', 'um', 'ok', 'oke', 'okay', 'dung roi',
  'yes', 'y', 'co chu', 'co day', 'da roi', 'du roi', 'co du', 'dong y',
]);
const NO = new Set([
  'khong', 'ko', 'k', 'kh', 'khg', 'hong', 'hok', 'chua', 'chua co', 'khong co', 'no', 'n', 'chua a', 'khong a',
  'thieu', 'con thieu', 'chua du', 'sai', 'khong phai',
]);
const SKIP = new Set(['bo qua', 'skip', 'qua', 'khong biet', 'ko biet', 'khong ro', 'bo', 'de sau']);
const STOP = new Set(['dung lai', 'tam dung', 'thoi', 'stop', 'huy', 'ket thuc', 'thoat']);

/** "đúng" (yes) and "dừng" (stop) are the same without accents: with accents they decide, without they are unclear. */
const ACCENTED_YES_STOP: Record<string, YesNo> = { 'đúng': 'yes', 'đúng rồi': 'yes', 'dừng': 'stop', 'dừng lại': 'stop', 'tạm dừng': 'stop' };

export function recogniseYesNo(text: string): YesNo | undefined {
  const accented = canonicalVietnamese(text).replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
  const decided = ACCENTED_YES_STOP[accented.replace(/ (ạ|nhé|nha|ad)$/u, '')];
  if (decided) return decided;
  const s = withoutFiller(simplify(text));
  if (s === '' || s === 'dung') return undefined;
  if (STOP.has(s)) return 'stop';
  if (SKIP.has(s)) return 'skip';
  if (YES.has(s)) return 'yes';
  if (NO.has(s)) return 'no';
  return undefined;
}

const ORDINALS: Record<string, number> = {
  mot: 1, nhat: 1, 'dau tien': 1, hai: 2, nhi: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10,
};

/** The 0-based index of the choice a reply picks, or undefined. */
export function recogniseChoice(text: string, titles: readonly string[]): number | undefined {
  const s = simplify(text);
  if (s === '') return undefined;
  const num = /^(?:so |cai |thu |lua chon |chon )?(\d{1,2})$/.exec(s);
  if (num) {
    const n = Number(num[1]);
    return n >= 1 && n <= titles.length ? n - 1 : undefined;
  }
  const word = /^(?:so |cai |thu |chon )?(.+)$/.exec(s)?.[1];
  if (word && ORDINALS[word] !== undefined) {
    const n = ORDINALS[word]!;
    return n <= titles.length ? n - 1 : undefined;
  }
  const simple = titles.map(simplify);
  const exact = simple.indexOf(s);
  if (exact !== -1) return exact;
  // Part of a name: the reply's words all appear in exactly one title. Too short a reply ("co") would
  // pick a title by accident.
  if (s.length < MIN_PARTIAL_CHARS) return undefined;
  const words = s.split(' ').filter((w) => w.length > 1);
  if (words.length === 0) return undefined;
  const hits = simple.map((t, i) => ({ i, t })).filter(({ t }) => words.every((w) => ` ${t} `.includes(` ${w} `)));
  return hits.length === 1 ? hits[0]!.i : undefined;
}

/** Shortest reply matched against part of a choice's name. */
const MIN_PARTIAL_CHARS = 4;

export type Command = keyof typeof commandWords;

/** A whole-message command ("trợ giúp", "bắt đầu lại", "menu", "cảm ơn"…), or undefined. */
export function recogniseCommand(text: string): Command | undefined {
  const s = withoutFiller(simplify(text));
  for (const [command, words] of Object.entries(commandWords) as Array<[Command, readonly string[]]>) {
    if (words.includes(s)) return command;
  }
  return undefined;
}
