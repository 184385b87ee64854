/**
 * The conversation's fixed sentences, in one place: Vietnamese, polite (Anh/Chị), short. Functions take
 * the variable parts. Answers built from a record's facts (fees, times, documents…) are worded where they
 * are built, in render/format.ts.
 */

export const texts = {
  welcome: (organisation: string): string =>
    `Xin chào Anh/Chị! Tôi là trợ lý ảo hướng dẫn thủ tục hành chính của ${organisation}. ` +
    'Tôi có thể giúp Anh/Chị tìm đúng thủ tục, cho biết giấy tờ cần chuẩn bị, lệ phí, thời gian giải quyết, nơi nộp ' +
    'và cách nộp trực tuyến, rồi cùng Anh/Chị kiểm tra từng giấy tờ.',
  welcomeExamples:
    'Anh/Chị cứ nhập câu hỏi, có dấu hay không dấu đều được, ví dụ: “làm giấy khai sinh cho con cần gì”, ' +
    '“đăng ký thường trú mất bao lâu”, hoặc chọn một thủ tục hay được hỏi dưới đây.',
  help:
    'Anh/Chị có thể:\n' +
    '• Gõ câu hỏi về thủ tục, ví dụ “cấp lại thẻ căn cước ở đâu”, “sang tên sổ đỏ mất bao lâu”.\n' +
    '• Sau khi chọn thủ tục, hỏi tiếp: “lệ phí bao nhiêu”, “nộp online được không”, “cần mang gì”.\n' +
    '• Gõ “kiểm tra giấy tờ” để cùng rà soát từng giấy tờ cần chuẩn bị.\n' +
    '• Gõ “menu” để xem các thủ tục hay được hỏi, “bắt đầu lại” để bắt đầu cuộc trò chuyện mới.',
  restarted: 'Dạ, chúng ta bắt đầu lại nhé.',
  thanks: 'Dạ, không có gì ạ. Anh/Chị cần hỏi thêm thủ tục nào cứ nhắn cho tôi.',
  goodbye: 'Chúc Anh/Chị một ngày tốt lành! Khi cần, Anh/Chị cứ quay lại hỏi tôi.',
  aboutMe:
    'Tôi là trợ lý ảo, trả lời dựa trên dữ liệu thủ tục hành chính công bố trên Cổng Dịch vụ công quốc gia. ' +
    'Tôi không thay thế cán bộ tiếp nhận hồ sơ; khi cần, tôi sẽ hướng dẫn Anh/Chị liên hệ cán bộ.',
  emptyMessage: 'Anh/Chị vui lòng nhập câu hỏi bằng chữ để tôi có thể giúp ạ.',
  tooLong: 'Tin nhắn khá dài nên tôi chỉ đọc phần đầu và phần cuối. Anh/Chị có thể hỏi ngắn gọn hơn để tôi hiểu đúng ý.',
  nonText: 'Hiện tôi chỉ đọc được tin nhắn chữ. Anh/Chị vui lòng gõ câu hỏi giúp tôi nhé.',

  clarify: 'Anh/Chị muốn hỏi thủ tục nào? Anh/Chị có thể bấm chọn hoặc gõ số thứ tự.',
  clarifyRetry: 'Xin lỗi, tôi chưa nhận ra lựa chọn. Anh/Chị vui lòng bấm chọn hoặc gõ số thứ tự (ví dụ: 1).',
  noneOfThese: 'Không phải các thủ tục trên',
  choiceDeclined: 'Dạ vâng. Anh/Chị cần hỏi gì cứ nhắn cho tôi nhé.',
  anythingElse: 'Dạ. Anh/Chị cần hỏi thêm thủ tục nào ạ?',

  notFound:
    'Xin lỗi, tôi chưa tìm được thủ tục phù hợp với câu hỏi này. Anh/Chị có thể hỏi lại, nêu rõ việc cần làm, ví dụ: ' +
    '“đăng ký tạm trú cần giấy tờ gì”, “cấp đổi thẻ căn cước ở đâu”, “đăng ký hộ kinh doanh mất bao lâu”.',
  notFoundSecond: 'Tôi vẫn chưa tìm được thủ tục phù hợp. Anh/Chị có thể chọn lĩnh vực để xem danh sách thủ tục:',
  notFoundThird:
    'Rất tiếc tôi chưa giúp được Anh/Chị. Câu hỏi này có thể nằm ngoài các thủ tục tôi đang hướng dẫn, hoặc cần cán bộ trả lời trực tiếp.',
  pickProcedureInField: (field: string): string => `Các thủ tục thuộc lĩnh vực ${field}. Anh/Chị chọn thủ tục nào?`,
  browseRetry: 'Anh/Chị vui lòng bấm chọn hoặc gõ số thứ tự trong danh sách.',

  handoffOffer: 'Anh/Chị có muốn liên hệ cán bộ hoặc gửi phản ánh, kiến nghị không?',
  handoffYes: 'Có, tôi muốn liên hệ',
  handoffNo: 'Không, cảm ơn',
  handoffInfo: (feedbackUrl: string, hotline: string | undefined): string =>
    'Anh/Chị có thể:\n' +
    `• Gửi phản ánh, kiến nghị tại ${feedbackUrl} (mục Phản ánh, kiến nghị).\n` +
    (hotline ? `• Gọi đường dây nóng của Bộ phận một cửa: ${hotline}.\n` : '') +
    '• Đến trực tiếp Bộ phận một cửa (Trung tâm Phục vụ hành chính công) nơi Anh/Chị cư trú để được cán bộ hướng dẫn.',
  handoffDeclined: 'Dạ vâng. Anh/Chị cần hỏi thêm điều gì cứ nhắn cho tôi nhé.',

  followUpHint: 'Anh/Chị có thể hỏi tiếp về thủ tục này, ví dụ: “lệ phí bao nhiêu”, “nộp online được không”, “cần mang gì”.',
  chooseCase: 'Hồ sơ khác nhau tùy trường hợp. Anh/Chị thuộc trường hợp nào?',
  noProcedureYet: 'Anh/Chị muốn hỏi về thủ tục nào ạ? Anh/Chị hãy nhập tên thủ tục hoặc việc cần làm.',

  // Checklist
  checklistStart: (name: string): string =>
    `Chúng ta cùng kiểm tra giấy tờ cho “${name}”. Với mỗi giấy tờ, Anh/Chị trả lời Có, Chưa hoặc Bỏ qua; gõ “dừng” để tạm dừng.`,
  checklistResume: (name: string, done: number, total: number): string =>
    `Tiếp tục kiểm tra giấy tờ cho “${name}” (đã xong ${done}/${total}).`,
  checklistAskDocument: (index: number, total: number, document: string): string =>
    `(${index}/${total}) Anh/Chị đã có ${document} chưa?`,
  /** `condition` as written in a record: "Khi nhờ người khác đi đăng ký thay." or a phrase of its own. */
  checklistAskCondition: (condition: string): string => {
    const c = condition.trim().replace(/[.;]+$/, '');
    const when = /^(khi|nếu|trường hợp|đối với|với)\b/iu.test(c) ? c.charAt(0).toLocaleLowerCase('vi') + c.slice(1) : `trong trường hợp: ${c}`;
    return `Giấy tờ tiếp theo chỉ cần ${when}. Trường hợp của Anh/Chị có đúng như vậy không?`;
  },
  checklistPaused:
    'Tôi đã lưu lại phần kiểm tra giấy tờ. Khi muốn làm tiếp, Anh/Chị gõ “tiếp tục kiểm tra” nhé.',
  checklistNoDocuments: 'Cổng Dịch vụ công quốc gia không liệt kê thành phần hồ sơ cho thủ tục này, nên tôi chưa thể kiểm tra giấy tờ cùng Anh/Chị.',
  checklistAllReady: 'Anh/Chị đã có đủ các giấy tờ cần thiết cho trường hợp này.',
  checklistMissingTitle: 'Các giấy tờ Anh/Chị còn thiếu:',
  checklistSkippedTitle: 'Các giấy tờ Anh/Chị đã bỏ qua (nên kiểm tra lại):',
  checklistWhereToGetUnknown: 'chưa có thông tin, Anh/Chị hỏi Bộ phận một cửa nơi nộp hồ sơ',
  checklistNothingToResume: 'Hiện không có phần kiểm tra giấy tờ nào đang dở. Anh/Chị muốn kiểm tra giấy tờ cho thủ tục nào?',
  checklistRetry: 'Anh/Chị vui lòng trả lời Có, Chưa hoặc Bỏ qua (hoặc gõ “dừng” để tạm dừng).',

  // Buttons
  yes: 'Có',
  not: 'Chưa',
  no: 'Không',
  skip: 'Bỏ qua',
  stop: 'Dừng',
  buttonDocuments: 'Giấy tờ cần chuẩn bị',
  buttonFees: 'Lệ phí',
  buttonTime: 'Thời gian giải quyết',
  buttonAgency: 'Nơi nộp',
  buttonSteps: 'Các bước thực hiện',
  buttonChecklist: 'Kiểm tra giấy tờ của tôi',
  buttonPortal: 'Xem trên Cổng Dịch vụ công',
} as const;

/** Words a citizen types for global commands (compared without accents). */
export const commandWords = {
  help: ['tro giup', 'giup do', 'huong dan su dung', 'help', 'tro giup toi'],
  restart: ['bat dau lai', 'lam lai tu dau', 'restart', 'reset'],
  menu: ['menu', 'danh sach', 'thu tuc pho bien', 'trang chu'],
  checklist: ['kiem tra giay to', 'kiem tra giay to cua toi', 'kiem tra giay to cua minh', 'kiem tra ho so', 'checklist', 'danh sach giay to can chuan bi'],
  resume: ['tiep tuc kiem tra', 'tiep tuc', 'lam tiep'],
  thanks: ['cam on', 'cam on ban', 'thanks', 'thank you', 'tks', 'cam on ad', 'cam on nhieu'],
  greeting: ['xin chao', 'chao', 'chao ban', 'hello', 'hi', 'alo', 'chao ad'],
  goodbye: ['tam biet', 'bye', 'goodbye'],
  about: ['ban la ai', 'bot la ai', 'ban la gi', 'ai vay'],
} as const;
