import { describe, expect, it } from 'vitest';
import { parseFlatDocuments } from '../../../src/knowledge/import/flat-documents.js';
import { parseFlatLegal, parseFlatResults } from '../../../src/knowledge/import/flat-legal.js';

const T = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';

describe('parseFlatDocuments', () => {
  it('reads rows with originals and copies, and form file names run into the document name', () => {
    const r = parseFlatDocuments(
      `--${T}Dự thảo Điều lệ của công ty luật1 bản chínhGiấy tờ chứng minh về trụ sở.0 bản chính,1 bản saoGiấy đề nghị đăng ký hoạt động theo mẫu thống nhấtMẫu TP-LS-02-sđ.docx1 bản chính`,
    );
    expect(r.problems).toEqual([]);
    expect(r.cases).toEqual([
      {
        documents: [
          { name: 'Dự thảo Điều lệ của công ty luật', originals: 1, requirement: 'required' },
          { name: 'Giấy tờ chứng minh về trụ sở.', originals: 0, copies: 1, requirement: 'required' },
          {
            name: 'Giấy đề nghị đăng ký hoạt động theo mẫu thống nhất',
            originals: 1,
            requirement: 'required',
            form: { name: 'Mẫu TP-LS-02-sđ.docx' },
          },
        ],
      },
    ]);
  });

  it('reads several cases, each named by the text before its table', () => {
    const r = parseFlatDocuments(
      `- Đối với trường hợp tạm ứng chi phí${T}Giấy đề nghị tạm ứng1 bản chínhĐối với trường hợp thanh toán chi phí${T}- Giấy đề nghị thanh toán1 bản chính`,
    );
    expect(r.cases.map((c) => [c.name, c.documents.map((d) => d.name)])).toEqual([
      ['Đối với trường hợp tạm ứng chi phí', ['Giấy đề nghị tạm ứng']],
      ['Đối với trường hợp thanh toán chi phí', ['Giấy đề nghị thanh toán']],
    ]);
  });

  it('separates a count from a date that ends the document name', () => {
    const r = parseFlatDocuments(`--${T}Văn bản đề nghị theo Phụ lục IX Nghị định số 56/2023/NĐ-CP ngày 24/07/20231 bản chính`);
    expect(r.cases[0]!.documents[0]).toMatchObject({
      name: 'Văn bản đề nghị theo Phụ lục IX Nghị định số 56/2023/NĐ-CP ngày 24/07/2023',
      originals: 1,
    });
  });

  it('separates a count from a reference number that ends the document name', () => {
    const r = parseFlatDocuments(`--${T}Hồ sơ như quy định tại các điểm b, c, d, e mục 11 bản chính,1 bản saoTờ khai10 bản chính`);
    expect(r.cases[0]!.documents.map((d) => [d.name, d.originals, d.copies])).toEqual([
      ['Hồ sơ như quy định tại các điểm b, c, d, e mục 1', 1, 1],
      ['Tờ khai', 10, undefined],
    ]);
  });

  it('marks conditional documents and keeps remarks without quantity as notes', () => {
    const r = parseFlatDocuments(
      `--${T}- Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi.1 bản chínhCá nhân có quyền lựa chọn nơi đăng ký.0 bản chínhPhiếu đề nghị khóa tài khoản (mẫu TK03)0 bản chính`,
    );
    const c = r.cases[0]!;
    expect(c.documents).toEqual([
      { name: 'Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi.', originals: 1, requirement: 'conditional' },
      { name: 'Phiếu đề nghị khóa tài khoản (mẫu TK03)', originals: 0, requirement: 'required' },
    ]);
    expect(c.notes).toEqual(['Cá nhân có quyền lựa chọn nơi đăng ký.']);
  });

  it('accepts a source that lists nothing and reports a list it cannot read', () => {
    expect(parseFlatDocuments('--')).toMatchObject({ cases: [], problems: [] });
    expect(parseFlatDocuments(`--${T}Không quy định0 bản chính`).problems).toEqual([]);
    expect(parseFlatDocuments('Bước 2. Nộp hồ sơ cho cơ quan BHXH.').problems).toEqual(['không thấy bảng thành phần hồ sơ']);
  });
});

describe('parseFlatLegal', () => {
  it('splits titles and numbers run together, including numbers repeated in titles', () => {
    const r = parseFlatLegal(
      'Tên văn bản pháp lýMã văn bảnThông tư Hướng dẫn về phí và lệ phí85/2019/TT-BTCNghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết Luật Hộ tịch123/2015/NĐ-CPLuật Khiếu nại  năm 201102/2011/QH13Luật 60/2014/QH1360/2014/QH13Nghị quyết số 66.7/2025/NQ-CP của Chính phủ66.7/2025/NQ-CP',
    );
    expect(r.problems).toEqual([]);
    expect(r.items).toEqual([
      { number: '85/2019/TT-BTC', title: 'Thông tư Hướng dẫn về phí và lệ phí' },
      { number: '123/2015/NĐ-CP', title: 'Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết Luật Hộ tịch' },
      { number: '02/2011/QH13', title: 'Luật Khiếu nại năm 2011' },
      { number: '60/2014/QH13', title: 'Luật 60/2014/QH13' },
      { number: '66.7/2025/NQ-CP', title: 'Nghị quyết số 66.7/2025/NQ-CP của Chính phủ' },
    ]);
  });

  it('completes a number cut short by a lost space, and splits a title in capitals run into a number', () => {
    const r = parseFlatLegal(
      'Tên văn bản pháp lýMã văn bảnNghị quyết 66.7/2025/NQ-CPThông tư số 53/2025/TT-BCAngày 01/7/2025 của Bộ Công an sửa đổi Thông tư 55/2021/TT-BCA53/2025/TT-BCANghị định 166/2016/NĐ-CP về giao dịch điện tử166/2016/NĐ-CPLUẬT  Bảo hiểm xã hội58/2014/QH13Quyết định 09/2023/QĐ-TTg09/2023/QĐ-TTg',
    );
    expect(r.items.map((i) => i.number)).toEqual(['66.7/2025/NQ-CP', '53/2025/TT-BCA', '166/2016/NĐ-CP', '58/2014/QH13', '09/2023/QĐ-TTg']);
    expect(r.items[3]!.title).toBe('LUẬT Bảo hiểm xã hội');
  });

  it('reports text in which no document number can be found', () => {
    expect(parseFlatLegal('Tên văn bản pháp lýMã văn bảnThông tư về phí').problems).toHaveLength(1);
  });
});

describe('parseFlatResults', () => {
  it('reads result names and codes and ignores the page furniture after them', () => {
    expect(
      parseFlatResults(
        'Giấy khai sinhMã: KQ.G15.000031Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiệnTỉnh/ Thành phố',
      ),
    ).toEqual([{ name: 'Giấy khai sinh', code: 'KQ.G15.000031' }]);
  });
});
