/**
 * Table-driven transcripts of the conversation, in Vietnamese, with accented and unaccented turns:
 * each step is what the citizen sends and what the bot's replies must (or must not) contain.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.js';
import { SqliteStorage } from '../../src/storage/sqlite-storage.js';
import { createTestBot, say, type Turn } from '../support/bot-harness.js';

type Expect = string | RegExp | { not: string | RegExp };
interface Scenario {
  name: string;
  channel?: string;
  steps: Array<[Turn, ...Expect[]]>;
}

const join_ = { type: 'conversationUpdate', membersAdded: [{ id: 'citizen' }] } satisfies Turn;
const button = (action: string, code: string, text: string): Turn => ({ text, value: { action, code } });
const choice = (index: number, text: string): Turn => ({ text, value: { choice: index } });

const scenarios: Scenario[] = [
  {
    name: 'welcome on a new conversation, with the most asked procedures',
    steps: [[join_, 'Xin chào Anh/Chị', 'trợ lý ảo', '[Đăng ký khai sinh]', '[Đăng ký thường trú]', '[Sang tên sổ đỏ]']],
  },
  {
    name: 'an accented question is answered with the summary and the facet asked',
    steps: [
      [
        'Đăng ký kết hôn cần những giấy tờ gì?',
        'Thủ tục đăng ký kết hôn',
        'Mã thủ tục: 1.000894',
        '[Kiểm tra giấy tờ của tôi]',
        'Tờ khai đăng ký kết hôn',
        '1 bản chính',
      ],
    ],
  },
  {
    name: 'an unaccented question with teencode gets the same kind of answer',
    steps: [['dang ky tam tru o dau vay ad', 'Đăng ký tạm trú', 'Nơi nộp hồ sơ: Công an cấp xã']],
  },
  {
    name: 'follow-ups keep the procedure; a new question switches cleanly',
    steps: [
      ['cap lai can cuoc', 'Cấp lại thẻ căn cước', 'Mã thủ tục: 1.014064'],
      ['thế lệ phí bao nhiêu?', 'Phí, lệ phí', '70.000 đồng', { not: 'Mã thủ tục' }],
      ['nộp online được không', 'Nộp trực tuyến', 'Gửi qua bưu chính'],
      ['cần mang gì', 'Phiếu đề nghị giải quyết thủ tục về căn cước'],
      ['đăng ký hộ kinh doanh mất bao lâu', 'Đăng ký thành lập hộ kinh doanh', 'Thời hạn giải quyết'],
      ['lệ phí thế nào', 'Phí, lệ phí', { not: 'căn cước' }],
    ],
  },
  {
    name: 'close candidates are clarified; a number picks one',
    steps: [
      ['sổ đỏ', 'Anh/Chị muốn hỏi thủ tục nào?', '[Sang tên sổ đỏ]', '[Không phải các thủ tục trên]'],
      ['1', 'Mã thủ tục: 1.013831', '[Giấy tờ cần chuẩn bị]'],
    ],
  },
  {
    name: 'a clarification can be answered with part of a name, or with a button',
    steps: [
      ['sổ đỏ', 'Anh/Chị muốn hỏi thủ tục nào?'],
      ['sang ten', 'Mã thủ tục: 1.013831'],
      ['sổ đỏ', 'Anh/Chị muốn hỏi thủ tục nào?'],
      [choice(1, 'Cấp đổi'), 'Mã thủ tục: 1.012783'],
    ],
  },
  {
    name: 'a new question instead of a choice is answered; a facet instead of a choice keeps the clarification',
    steps: [
      ['sổ đỏ', 'Anh/Chị muốn hỏi thủ tục nào?'],
      ['tách thửa', 'Tách thửa hoặc hợp thửa đất', { not: 'chưa nhận ra lựa chọn' }],
      ['sổ đỏ', 'Anh/Chị muốn hỏi thủ tục nào?'],
      ['thế lệ phí bao nhiêu?', 'Anh/Chị muốn hỏi thủ tục nào?'],
      ['1', 'Mã thủ tục: 1.013831', 'Phí, lệ phí'],
    ],
  },
  {
    name: 'a facet question with no procedure asks which procedure',
    steps: [['nộp online được không', 'Anh/Chị muốn hỏi về thủ tục nào ạ?']],
  },
  {
    name: 'documents by case when a record has several document sets',
    steps: [
      [button('documents', '1.004222', 'Giấy tờ cần chuẩn bị'), 'Anh/Chị thuộc trường hợp nào?', 'Thường trú tại chỗ ở thuê, mượn, ở nhờ'],
      ['thuê', 'Hợp đồng, văn bản về việc cho thuê, cho mượn, cho ở nhờ', { not: 'Anh/Chị thuộc trường hợp nào' }],
    ],
  },
  {
    name: 'a document set that only holds notes reads as those notes; the checklist button label typed as text starts the checklist',
    steps: [
      ['sang tên sổ đỏ cần giấy tờ gì', 'Lưu ý về cách nộp giấy tờ:\n• Anh/Chị được chọn nộp bản sao', { not: 'Nguồn không liệt kê giấy tờ' }],
      ['Kiểm tra giấy tờ của tôi', 'Anh/Chị thuộc trường hợp nào?', { not: 'Lưu ý về cách nộp giấy tờ' }],
    ],
  },
  {
    name: 'the summary card points to the note of a fee the source qualifies, and the fees answer gives it',
    steps: [
      ['đổi thẻ căn cước', 'Lệ phí: trực tiếp: 50.000 đồng', '(xem ghi chú ở mục Lệ phí)'],
      ['lệ phí bao nhiêu', 'Từ 01/7/2025 đến hết 31/12/2026 thu bằng 50%'],
    ],
  },
  {
    name: 'summary buttons answer their facet for the procedure',
    steps: [
      [button('select', '1.001193', 'Đăng ký khai sinh'), 'Thủ tục đăng ký khai sinh', 'Lệ phí: miễn phí'],
      [button('steps', '1.001193', 'Các bước thực hiện'), 'Các bước thực hiện:', 'Nộp hồ sơ'],
      [button('agency', '1.001193', 'Nơi nộp'), 'Ủy ban nhân dân cấp xã'],
      [button('time', '1.001193', 'Thời gian giải quyết'), 'Thời hạn giải quyết', 'nguồn không ghi đơn vị'],
    ],
  },
  {
    name: 'the checklist asks one document at a time, conditional ones only when they apply, and lists what is missing',
    steps: [
      [button('checklist', '1.014064', 'Kiểm tra giấy tờ của tôi'), 'cùng kiểm tra giấy tờ', '(1/5) Anh/Chị đã có Phiếu đề nghị'],
      ['ừ', '(2/5) Anh/Chị đã có Phiếu CC01'],
      ['chưa', 'Giấy tờ tiếp theo chỉ cần khi người đại diện hợp pháp'],
      ['ko', 'Giấy tờ tiếp theo chỉ cần khi thông tin của công dân chưa có'],
      ['co', '(3/4) Anh/Chị đã có Phiếu thu thập thông tin dân cư'],
      ['bỏ qua', 'Giấy tờ tiếp theo chỉ cần khi thông tin của công dân chưa có'],
      ['đúng', '(4/4) Anh/Chị đã có Giấy tờ, tài liệu chứng minh thông tin công dân'],
      ['có rồi', 'Các giấy tờ Anh/Chị còn thiếu', 'Phiếu CC01', 'đã bỏ qua', 'Phiếu thu thập thông tin dân cư', { not: 'người dưới 14 tuổi' }],
    ],
  },
  {
    name: 'a checklist can be left for a question and resumed where it was',
    steps: [
      [button('checklist', '1.014064', 'Kiểm tra giấy tờ của tôi'), '(1/5)'],
      ['có', '(2/5)'],
      ['đăng ký tạm trú ở đâu', 'Tôi đã lưu lại phần kiểm tra giấy tờ', 'Đăng ký tạm trú'],
      ['tiếp tục kiểm tra', 'Tiếp tục kiểm tra giấy tờ cho “Cấp lại thẻ căn cước” (đã xong 1/5)', '(2/5) Anh/Chị đã có Phiếu CC01'],
      ['dừng', 'Tôi đã lưu lại phần kiểm tra giấy tờ'],
      ['tiep tuc kiem tra', '(2/5)'],
    ],
  },
  {
    name: 'the fallback ladder: rephrase, then choose by field, then the handoff offer',
    steps: [
      ['giá vàng hôm nay bao nhiêu', 'chưa tìm được thủ tục phù hợp', 'hỏi lại'],
      ['xyz abc qwe', 'chọn lĩnh vực', '[Hộ tịch]'],
      ['dừng', 'Dạ vâng'],
      ['bạn có thích nghe nhạc không', 'chưa giúp được', 'liên hệ cán bộ hoặc gửi phản ánh, kiến nghị'],
      ['có', 'Phản ánh, kiến nghị', '1900 0000', 'Bộ phận một cửa'],
      ['hôm nay trời mưa to quá', 'chưa tìm được thủ tục phù hợp', 'hỏi lại'],
    ],
  },
  {
    name: 'browsing by field leads to a procedure',
    steps: [
      ['giá vàng hôm nay bao nhiêu', 'chưa tìm được thủ tục phù hợp'],
      ['xyz abc qwe', 'chọn lĩnh vực', '[Hộ tịch]'],
      ['Hộ tịch', 'Các thủ tục thuộc lĩnh vực Hộ tịch'],
      ['3', 'Mã thủ tục:'],
    ],
  },
  {
    name: 'help, menu and restart work at any point, also inside a prompt',
    steps: [
      ['sổ đỏ', 'Anh/Chị muốn hỏi thủ tục nào?'],
      ['trợ giúp', 'Anh/Chị có thể:', 'Anh/Chị muốn hỏi thủ tục nào?'],
      ['menu', '[Đăng ký khai sinh]', { not: 'Anh/Chị muốn hỏi thủ tục nào?' }],
      ['cap lai can cuoc', 'Cấp lại thẻ căn cước'],
      ['bắt đầu lại', 'bắt đầu lại'],
      ['lệ phí bao nhiêu', 'Anh/Chị muốn hỏi về thủ tục nào ạ?'],
    ],
  },
  {
    name: 'small talk gets a polite answer, not a procedure',
    steps: [
      ['cảm ơn ad nhiều nha', 'không có gì ạ'],
      ['bạn là ai', 'trợ lý ảo'],
      ['ok', 'Anh/Chị cần hỏi thêm thủ tục nào ạ?'],
    ],
  },
  {
    name: 'a channel without cards gets text with numbered choices, and numbers work',
    channel: 'zalo',
    steps: [
      [join_, 'Xin chào Anh/Chị', '1. Đăng ký khai sinh', { not: '[' }],
      ['sổ đỏ', 'Anh/Chị muốn hỏi thủ tục nào?', '2. Cấp đổi Giấy chứng nhận', { not: '[' }],
      ['2', 'Mã thủ tục: 1.012783', 'Anh/Chị có thể hỏi tiếp về thủ tục này', { not: '[' }],
    ],
  },
  {
    name: 'odd input: empty text, only punctuation and emoji, a huge paste',
    steps: [
      [{ text: '' }, 'vui lòng nhập câu hỏi'],
      ['?!... 😀😀', 'chưa tìm được thủ tục phù hợp'],
      [`${'xin chào '.repeat(400)} đăng ký khai sinh cho con cần gì`, 'Tin nhắn khá dài', 'khai sinh'],
    ],
  },
];

function check(text: string, e: Expect): void {
  if (typeof e === 'string') expect(text, `expected «${e}» in:\n${text}`).toContain(e);
  else if (e instanceof RegExp) expect(text).toMatch(e);
  else if (typeof e.not === 'string') expect(text, `did not expect «${e.not}» in:\n${text}`).not.toContain(e.not);
  else expect(text).not.toMatch(e.not);
}

describe('conversation transcripts', () => {
  for (const s of scenarios) {
    it(s.name, async () => {
      const { adapter } = createTestBot(undefined, s.channel ?? 'test');
      for (const [turn, ...expectations] of s.steps) {
        const reply = await say(adapter, turn);
        for (const e of expectations) check(reply.text, e);
      }
    });
  }

  it('every reply is Vietnamese a citizen can read: no English prompts, no raw ids', async () => {
    const { adapter } = createTestBot();
    const texts: string[] = [];
    for (const turn of [join_, 'sổ đỏ', 'abc', '1', 'lệ phí', 'kiểm tra giấy tờ', 'có', 'dừng']) {
      texts.push((await say(adapter, turn)).text);
    }
    const all = texts.join('\n');
    expect(all).not.toMatch(/\b(Please|choose|an option|undefined|null|NaN|\[object)\b/);
  });
});

describe('state survives a restart', () => {
  it('a checklist continues where it was with a new bot over the same SQLite file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bot-state-'));
    const db1 = openDatabase(dir);
    const first = createTestBot(new SqliteStorage(db1));
    await say(first.adapter, button('checklist', '1.014064', 'Kiểm tra giấy tờ của tôi'));
    expect((await say(first.adapter, 'có')).text).toContain('(2/5)');
    db1.close();

    const db2 = openDatabase(dir);
    const second = createTestBot(new SqliteStorage(db2));
    const reply = await say(second.adapter, 'chưa');
    expect(reply.text).toContain('Giấy tờ tiếp theo chỉ cần khi người đại diện hợp pháp');
    db2.close();
  });
});
