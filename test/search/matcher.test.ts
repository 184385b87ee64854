/** The matcher on the shipped knowledge: decisions, near-duplicates, odd input, no Bot Framework. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildMatcher } from '../../src/search/build.js';
import { decide } from '../../src/search/decision.js';
import type { CandidateFeatures } from '../../src/search/features.js';

const matcher = buildMatcher(loadKnowledge().knowledge);
const top = (q: string): string | undefined => matcher.match(q).results[0]?.code;

describe('matcher decisions', () => {
  it('answers a clear question, with or without diacritics, abbreviations or typos', () => {
    for (const q of ['đăng ký khai sinh', 'dang ky khai sinh', 'làm giấy khai sinh cho con', 'lam giay khai sinh cho con']) {
      const r = matcher.match(q);
      expect(r.results[0]!.code, q).toBe('1.001193');
      expect(r.decision, q).toBe('answer');
    }
    expect(top('đkkd hộ kinh doanh ở đâu')).toBe('1.001612');
    expect(top('nhập hộ khẩu cho vợ')).toBe('1.004222');
    expect(top('sang tên sổ đỏ mất bao lâu')).toBe('1.013831');
    expect(top('đăng kí thường chú')).toBe('1.004222');
  });

  it('tells near-duplicates apart by the words that make the difference', () => {
    expect(top('đăng ký khai sinh lưu động')).toBe('1.003583');
    expect(top('khai sinh cho con, bố là người Hàn Quốc')).toBe('2.000528');
    expect(top('đăng ký lại khai sinh vì sổ hộ tịch bị mất')).toBe('1.004884');
    expect(top('mất căn cước làm lại')).toBe('1.014064');
  });

  it('counts a kind of variant (re-issue, change, on the spot…) that the question and the procedure disagree on', () => {
    // The question says a re-issue that registering a marriage never does.
    for (const q of ['mất giấy kết hôn', 'mat giay ket hon thi lam sao']) {
      const r = matcher.match(q);
      expect(r.decision === 'answer' && r.results[0]!.code === '1.000894', q).toBe(false);
    }
    // The question does not say what the best-matching alias of a sibling does ("cấp lại" a lost one).
    const plain = matcher.match('đăng ký hộ kinh doanh cá thể', { explain: true });
    expect(plain.results[0]!.code).toBe('1.001612');
    expect(plain.features!.find((f) => f.code === '2.000575')!.contrast).toBeGreaterThan(0);
  });

  it('uses accents when the question has them', () => {
    const exact = matcher.match('khai sinh').results[0]!;
    const wrongAccent = matcher.match('khai sính').results[0]!;
    expect(exact.code).toBe(wrongAccent.code);
    expect(matcher.match('khai sính').confidence).toBeLessThan(matcher.match('khai sinh').confidence);
  });

  it('clarifies among close candidates instead of guessing', () => {
    const r = matcher.match('sổ đỏ');
    expect(r.decision).toBe('clarify');
    expect(r.clarifyCount).toBeGreaterThanOrEqual(2);
    expect(r.clarifyCount).toBeLessThanOrEqual(4);
  });

  it('clarifies rather than gives up when a long story names a procedure plainly', () => {
    const r = matcher.match(
      'Nhà tôi ở bản xa, đường đất lầy lội mùa mưa không ra xã được. Ông tôi vừa mất hôm qua, cán bộ xã có xuống tận nhà làm khai tử không?',
    );
    expect(r.decision).toBe('clarify');
    expect(r.results.slice(0, r.clarifyCount).map((c) => c.code)).toContain('1.000419');
  });

  it('says none for small talk, opinions and unrelated services', () => {
    for (const q of ['xin chào bạn', 'hôm nay trời có mưa không', 'giá vàng hôm nay bao nhiêu', 'bạn có thích nghe nhạc không']) {
      expect(matcher.match(q).decision, q).toBe('none');
    }
  });

  it('returns the top five candidates best first, with the facet and the time taken', () => {
    const r = matcher.match('cấp lại thẻ căn cước cần giấy tờ gì');
    expect(r.results.length).toBeGreaterThanOrEqual(5);
    expect(r.results[0]!.score).toBe(1);
    for (let i = 1; i < r.results.length; i++) expect(r.results[i]!.score).toBeLessThanOrEqual(r.results[i - 1]!.score);
    expect(r.aspect).toBe('documents');
    expect(r.tookMs).toBeGreaterThan(0);
  });
});

describe('odd input never breaks it', () => {
  it.each([
    ['empty', ''],
    ['whitespace only', '  \n\t  '],
    ['only punctuation', '?!?!... ---'],
    ['emoji', '😀😀👍🙏'],
    ['mixed scripts', '登记户口 регистрация đăng ký'],
    ['a 10,000-character paste', 'đăng ký tạm trú '.repeat(700).slice(0, 10_000)],
    ['numbers only', '1234 5678'],
  ])('%s gives a decision', (_name, q) => {
    const r = matcher.match(q);
    expect(['answer', 'clarify', 'none']).toContain(r.decision);
    expect(r.tookMs).toBeLessThan(1000);
  });

  it('gives none for text with no words', () => {
    expect(matcher.match('').decision).toBe('none');
    expect(matcher.match('😀 ?!').decision).toBe('none');
    expect(matcher.match('1234').decision).toBe('none');
  });

  it('reads decomposed Unicode and old-style tones as the usual form', () => {
    const usual = matcher.match('hòa giải tranh chấp đất đai');
    expect(matcher.match('hoà giải tranh chấp đất đai').results[0]!.code).toBe(usual.results[0]!.code);
    expect(matcher.match('hòa giải tranh chấp đất đai'.normalize('NFD')).results[0]!.code).toBe(usual.results[0]!.code);
    expect(matcher.match('uỷ quyền chứng thực chữ ký').results[0]!.code).toBe(matcher.match('ủy quyền chứng thực chữ ký').results[0]!.code);
  });

  it('finds the procedure in a long paste around the question', () => {
    expect(top(`${'Kính gửi quý cơ quan. '.repeat(400)} Tôi muốn hỏi thủ tục đăng ký tạm trú.`)).toBe('1.004194');
  });
});

describe('the search domain stays free of Bot Framework', () => {
  it('imports nothing from botbuilder in src/search, src/knowledge or src/text', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && /from ['"]botbuilder/.test(readFileSync(p, 'utf8'))) offenders.push(p);
      }
    };
    for (const d of ['src/search', 'src/knowledge', 'src/text']) walk(d);
    expect(offenders).toEqual([]);
  });
});

describe('decision rule', () => {
  const strong: CandidateFeatures = {
    bm25: 1, name: 0.9, namePrecision: 0.9, alias: 1, aliasPrecision: 1, question: 0.9, explained: 1, unknownShare: 0, contrast: 0, curated: true,
  };

  it('answers only when no rival is close, unless the rival disagrees more on the kind of variant', () => {
    expect(decide([{ f: strong, final: 10 }, { f: strong, final: 8 }]).decision).toBe('answer');
    const close = decide([{ f: strong, final: 10 }, { f: strong, final: 9.5 }]);
    expect(close.decision).toBe('clarify');
    expect(close.clarifyCount).toBe(2);
    expect(decide([{ f: strong, final: 10 }, { f: { ...strong, contrast: 1 }, final: 9.5 }]).decision).toBe('answer');
  });
});
