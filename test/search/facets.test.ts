import { describe, expect, it } from 'vitest';
import { detectFacets } from '../../src/search/facets.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { TextNormaliser } from '../../src/search/normalise.js';

const n = new TextNormaliser(loadKnowledge().knowledge.dictionaries);
const facet = (q: string): string => detectFacets(n.query(q).folded).facet;

describe('facet detection', () => {
  it.each([
    ['làm giấy khai sinh cần giấy tờ gì', 'documents'],
    ['khai sinh cho con co mat tien ko ad', 'fees'],
    ['lệ phí cấp lại căn cước bao nhiêu', 'fees'],
    ['đăng ký thường trú mất mấy ngày', 'time'],
    ['sang ten so do mat bao lau', 'time'],
    ['nộp online được không', 'channels'],
    ['gửi qua bưu điện được không', 'channels'],
    ['đăng ký tạm trú nộp ở đâu', 'agency'],
    ['cải chính hộ tịch thế nào', 'steps'],
    ['các bước đăng ký hộ kinh doanh', 'steps'],
    ['điều kiện tách thửa là gì', 'eligibility'],
    ['sinh viên có bắt buộc đăng ký tạm trú không', 'eligibility'],
    ['giấy xác nhận độc thân có giá trị bao lâu', 'result'],
    ['căn cứ pháp lý của thủ tục này', 'legal'],
    ['mẫu tờ khai đăng ký khai sinh lấy ở đâu', 'forms'],
    ['đăng ký khai sinh', 'general'],
    ['làm khai sinh trên VNeID được không', 'channels'],
    ['thời gian cấp VNeID mức 2', 'time'],
    ['phí đăng ký, khóa VNeID', 'fees'],
    ['độ tuổi đổi thẻ căn cước', 'eligibility'],
  ])('%s → %s', (q, expected) => {
    expect(facet(q)).toBe(expected);
  });

  it('takes the last facet asked as the main one and lists them all', () => {
    const d = detectFacets(n.query('đăng ký hộ kinh doanh ở đâu, lệ phí bao nhiêu').folded);
    expect(d.facet).toBe('fees');
    expect(d.all).toEqual(['agency', 'fees']);
  });

  it('lets a wrapper form ("… được không", "… thế nào") give way to the facet it wraps', () => {
    expect(facet('lệ phí thế nào')).toBe('fees');
    expect(facet('nộp qua bưu điện được không')).toBe('channels');
    expect(facet('có được không')).toBe('eligibility');
  });
});
