import { describe, expect, it } from 'vitest';
import { parseFlatChannels } from '../../../src/knowledge/import/flat-channels.js';

const H = 'Hình thức nộpThời gianPhí, lệ phíMô tả';

describe('parseFlatChannels', () => {
  it('reads several channels with times, units and fees run together', () => {
    const r = parseFlatChannels(
      `${H}Trực tuyến7 Ngày làm việc10,000 Việt Nam ĐồngDịch vụ bưu chính7 Ngày làm việc20,000 Việt Nam ĐồngTrực tiếp7 Ngày làm việc20,000 Việt Nam Đồng`,
    );
    expect(r.problems).toEqual([]);
    expect(r.channels).toEqual([
      { type: 'online', time: { value: 7, unit: 'working-days' }, fees: [{ amount: 10000, currency: 'VND' }] },
      { type: 'postal', time: { value: 7, unit: 'working-days' }, fees: [{ amount: 20000, currency: 'VND' }] },
      { type: 'direct', time: { value: 7, unit: 'working-days' }, fees: [{ amount: 20000, currency: 'VND' }] },
    ]);
  });

  it('reads "Miễn phí" as a zero fee and keeps its parenthesised description', () => {
    const r = parseFlatChannels(`${H}Trực tiếp15 NgàyMiễn phí(Không quy định)Trực tuyến15 NgàyMiễn phí`);
    expect(r.channels[0]).toEqual({
      type: 'direct',
      time: { value: 15, unit: 'days' },
      fees: [{ amount: 0, currency: 'VND', description: 'Không quy định' }],
    });
    expect(r.channels[1]!.fees).toEqual([{ amount: 0, currency: 'VND' }]);
  });

  it('tells hours from working days, days and months', () => {
    const r = parseFlatChannels(`${H}Trực tuyến8 GiờMiễn phíTrực tiếp2 Ngày làm việcMiễn phíDịch vụ bưu chính3 ThángMiễn phí`);
    expect(r.channels.map((c) => c.time)).toEqual([
      { value: 8, unit: 'hours' },
      { value: 2, unit: 'working-days' },
      { value: 3, unit: 'months' },
    ]);
  });

  it('treats "Không có thông tin" as not stated: no fee, no time — never a made-up value', () => {
    const r = parseFlatChannels(`${H}Trực tuyến3 Ngày làm việcKhông có thông tinTrực tiếpKhông có thông tinKhông có thông tin`);
    expect(r.problems).toEqual([]);
    expect(r.channels).toEqual([
      { type: 'online', time: { value: 3, unit: 'working-days' } },
      { type: 'direct' },
    ]);
  });

  it('keeps a fee with its condition and the row description that follows it', () => {
    const r = parseFlatChannels(
      `${H}Trực tiếp20 Ngày làm việc2,500,000 Việt Nam Đồng(Phí : Đồng (Từ ngày 01/7/2025 đến hết ngày 31/12/2026 áp dụng mức 50%))20 ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ.Dịch vụ bưu chính20 Ngày làm việc2,500,000 Việt Nam Đồng`,
    );
    expect(r.channels[0]).toEqual({
      type: 'direct',
      time: { value: 20, unit: 'working-days' },
      fees: [
        {
          amount: 2500000,
          currency: 'VND',
          description: 'Phí : Đồng (Từ ngày 01/7/2025 đến hết ngày 31/12/2026 áp dụng mức 50%)',
        },
      ],
      description: '20 ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ.',
    });
    expect(r.channels[1]!.type).toBe('postal');
  });

  it('reads several fees in one row and fees in another currency', () => {
    const r = parseFlatChannels(`${H}Trực tiếp6 Tháng100 USD(100 USD/thẻ.)50,000 VNĐ(lệ phí cấp lại)`);
    expect(r.channels[0]!.fees).toEqual([
      { amount: 100, currency: 'USD', description: '100 USD/thẻ.' },
      { amount: 50000, currency: 'VND', description: 'lệ phí cấp lại' },
    ]);
  });

  it('does not take a channel word inside a description for a new row', () => {
    const r = parseFlatChannels(
      `${H}Trực tuyến3 Ngày làm việcKhông có thông tin- Nộp hồ sơ trực tiếp hoặc gửi qua đường bưu chính. Trực tiếp nộp tại trụ sở.Trực tiếp3 Ngày làm việcKhông có thông tin`,
    );
    expect(r.channels.map((c) => c.type)).toEqual(['online', 'direct']);
    expect(r.channels[0]!.description).toBe('- Nộp hồ sơ trực tiếp hoặc gửi qua đường bưu chính. Trực tiếp nộp tại trụ sở.');
  });

  it('keeps a bare time without a unit, and warns', () => {
    const r = parseFlatChannels(`${H}Trực tuyến1Miễn phíTrực tiếp1Miễn phí`);
    expect(r.channels[0]!.time).toEqual({ value: 1 });
    expect(r.warnings.some((w) => w.includes('không ghi đơn vị'))).toBe(true);
  });

  it('splits a unitless time from a fee when the fee description confirms the amount', () => {
    const r = parseFlatChannels(`${H}Trực tuyến1200 VNĐ(200 vnđ / tờ khai)`);
    expect(r.channels[0]!.time).toEqual({ value: 1 });
    expect(r.channels[0]!.fees![0]!.amount).toBe(200);
  });

  it('reports, rather than guesses, a time and fee it cannot tell apart', () => {
    const r = parseFlatChannels(`${H}Trực tuyến120 VNĐ`);
    expect(r.problems).toEqual(['Trực tuyến: không tách được thời gian và phí trong "120"']);
    expect(r.channels[0]).toEqual({ type: 'online' });
  });

  it('reads a phrase given instead of a time', () => {
    const r = parseFlatChannels(`${H}Trực tuyếnKhông phải trả kết quả cho người nộp thuếMiễn phíQua Cổng dịch vụ công.`);
    expect(r.channels[0]).toEqual({
      type: 'online',
      time: { note: 'Không phải trả kết quả cho người nộp thuế' },
      fees: [{ amount: 0, currency: 'VND' }],
      description: 'Qua Cổng dịch vụ công.',
    });
  });

  it('keeps every row when one channel has several (another place, another fee)', () => {
    const r = parseFlatChannels(
      `${H}Trực tiếpKhông có thông tin2,000 Việt Nam Đồng(/trang)Tại Ủy ban nhân dân cấp xã: 2.000 đồng/trang;Trực tiếpKhông có thông tin10 USD(/bản)Tại cơ quan đại diện: 10 USD/bản.`,
    );
    expect(r.channels).toHaveLength(1);
    expect(r.channels[0]!.fees).toEqual([
      { amount: 2000, currency: 'VND', description: '/trang' },
      { amount: 10, currency: 'USD', description: '/bản' },
    ]);
    expect(r.channels[0]!.description).toBe('Tại Ủy ban nhân dân cấp xã: 2.000 đồng/trang; Tại cơ quan đại diện: 10 USD/bản.');
  });

  it('notes a different time given by a second row of the same channel', () => {
    const r = parseFlatChannels(`${H}Trực tiếp2 Ngày làm việcMiễn phíTrực tiếp8 GiờMiễn phí`);
    expect(r.channels[0]!.time).toEqual({ value: 2, unit: 'working-days', note: 'dòng khác ghi 8 giờ' });
  });

  it('reports an empty table', () => {
    expect(parseFlatChannels(H).problems).toEqual(['không có cách thức thực hiện']);
  });
});
