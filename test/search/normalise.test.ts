import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { TextNormaliser } from '../../src/search/normalise.js';
import { canonicalVietnamese, foldToken, hasDiacritics } from '../../src/text/fold.js';

const { dictionaries } = loadKnowledge().knowledge;
const n = new TextNormaliser(dictionaries, new Set(['co', 'ma']));
const typed = (q: string): string[] => n.query(q).tokens.filter((t) => t.source === 'typed').map((t) => t.accented);
const folded = (q: string): string[] => n.query(q).tokens.map((t) => t.folded);

describe('Vietnamese text views', () => {
  it('folds diacritics and đ, keeps the accented view canonical', () => {
    expect(foldToken('đăng')).toBe('dang');
    expect(foldToken('Đổi')).toBe('Doi');
    expect(foldToken('thẻ')).toBe('the');
    expect(hasDiacritics('the')).toBe(false);
    expect(hasDiacritics('thẻ')).toBe(true);
  });

  it('makes decomposed (NFD) input and old-style tone placement the same as the usual form', () => {
    expect(canonicalVietnamese('Hoà giải'.normalize('NFD'))).toBe(canonicalVietnamese('hòa giải'));
    expect(canonicalVietnamese('Uỷ ban')).toBe('ủy ban');
    expect(canonicalVietnamese('khoẻ mạnh')).toBe('khỏe mạnh');
    expect(canonicalVietnamese('quý')).toBe('quí');
    expect(canonicalVietnamese('đăng ký')).toBe(canonicalVietnamese('đăng kí'));
    expect(canonicalVietnamese('y tế')).toBe('y tế');
  });
});

describe('TextNormaliser', () => {
  it('expands abbreviations and teencode from the dictionaries', () => {
    expect(typed('lam cccd het bn tien')).toEqual(expect.arrayContaining(['căn', 'cước', 'công', 'dân']));
    expect(folded('đkkd hộ kinh doanh')).toEqual(expect.arrayContaining(['dang', 'ki', 'kinh', 'doanh']));
    expect(typed('bhxh 1 lần')).toEqual(['bảo', 'hiểm', 'xã', 'hội', '1', 'lần']);
    expect(n.query('dk thuong tru dc ko').text).toBe('đăng kí thuong tru được không');
  });

  it('reads an unaccented abbreviation as the word it is when its neighbour makes a word of a procedure name', () => {
    const withPairs = new TextNormaliser(dictionaries, new Set(['the']), new Set(['ca nhan', 'ca the']));
    const words = (q: string): string[] => withPairs.query(q).tokens.filter((t) => t.source === 'typed').map((t) => t.folded);
    expect(words('thue thu nhap ca nhan')).toEqual(['thue', 'thu', 'nhap', 'ca', 'nhan']);
    expect(words('lam gpkd ho ca the')).toEqual(expect.arrayContaining(['ca', 'the']));
    expect(words('ra ca phuong lam cccd')).toEqual(expect.arrayContaining(['cong', 'an', 'phuong']));
    expect(words('CA xã có làm hộ chiếu không')).toEqual(expect.arrayContaining(['cong', 'an', 'xa']));
  });

  it('tells the kinds of variant a text says, accents compared only when typed', () => {
    const kinds = (q: string): string[] => [...n.contrasts(n.query(q).tokens)].sort();
    expect(kinds('mất căn cước làm lại')).toEqual(['cấp lại']);
    expect(kinds('mat can cuoc')).toEqual(['cấp lại']);
    expect(kinds('đăng ký khai sinh lưu động')).toEqual(['lưu động']);
    expect(kinds('mặt trước căn cước bị mờ')).toEqual([]);
    expect(kinds('làm căn cước mất bao lâu')).toEqual([]);
  });

  it('drops question boilerplate but keeps words that decide a procedure', () => {
    expect(typed('cho em hỏi thủ tục cấp lại thẻ căn cước như thế nào ạ')).toEqual(['cấp', 'lại', 'thẻ', 'căn', 'cước']);
    expect(typed('làm khai sinh cho con mới sinh')).toEqual(expect.arrayContaining(['con', 'mới']));
    expect(typed('đăng ký kết hôn với người nước ngoài')).toEqual(expect.arrayContaining(['người', 'nước', 'ngoài']));
  });

  it('keeps an unaccented word that may be a word of a procedure name', () => {
    // "co" may be "cơ" (cơ quan) and "ma" "mã" (mã số thuế): they are protected single words.
    expect(typed('ma so thue ca nhan')).toContain('ma');
    // In a phrase the context tells: "co mat phi" is "có mất phí".
    expect(typed('khai sinh co mat phi khong')).toEqual(['khai', 'sinh']);
  });

  it('adds the wording procedures use for everyday words, keeping the original', () => {
    const tokens = n.query('sang tên sổ đỏ mất bao lâu').tokens;
    expect(tokens.filter((t) => t.source === 'synonym').map((t) => t.accented).join(' ')).toContain('giấy chứng nhận quyền sử dụng đất');
    expect(tokens.filter((t) => t.source === 'typed').map((t) => t.accented)).toEqual(['sang', 'tên', 'sổ', 'đỏ']);
    const synonym = tokens.find((t) => t.source === 'synonym')!;
    expect(synonym.weight).toBeLessThan(1);
  });

  it('tells whether the question was typed with diacritics', () => {
    expect(n.query('Đăng ký tạm trú ở đâu?').accented).toBe(true);
    expect(n.query('dang ky tam tru o dau').accented).toBe(false);
  });

  it('handles odd input without throwing', () => {
    for (const q of ['', '   \n\t ', '?!...', '😀😀👍', '登记户口 đăng ký', 'x'.repeat(10_000), 'Đăng ký'.normalize('NFD')]) {
      expect(() => n.query(q)).not.toThrow();
    }
    expect(n.query('').tokens).toEqual([]);
    expect(n.query('😀 ?!').tokens).toEqual([]);
    expect(n.query('a '.repeat(5000)).tokens.length).toBeLessThanOrEqual(160);
  });
});
