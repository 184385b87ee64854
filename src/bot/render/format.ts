/**
 * Facts of a procedure record as short Vietnamese text. When the source states nothing for a fact, the
 * text says so; nothing is filled in.
 */
import type {
  Channel,
  ChannelType,
  DocumentCase,
  DocumentItem,
  Fee,
  Level,
  ProcedureRecord,
  ProcessingTime,
} from '../../knowledge/schema.js';
import { CHANNEL_LABELS, CHANNEL_SHORT_LABELS, LEVEL_LABELS, TIME_UNIT_LABELS } from '../../knowledge/labels.js';

const CHANNEL_ORDER: ChannelType[] = ['direct', 'online', 'postal'];

export function levelsText(levels: readonly Level[] | undefined): string | undefined {
  return levels && levels.length > 0 ? levels.map((l) => LEVEL_LABELS[l]).join(', ') : undefined;
}

/** 50000 → "50.000 đồng"; USD amounts keep their currency. */
export function moneyText(amount: number, currency: 'VND' | 'USD' = 'VND'): string {
  const [int, frac] = String(amount).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const n = frac ? `${grouped},${frac}` : grouped;
  return currency === 'USD' ? `${n} USD` : `${n} đồng`;
}

export function timeText(t: ProcessingTime | undefined): string {
  if (!t) return 'nguồn không ghi thời hạn';
  const parts: string[] = [];
  if (t.value !== undefined) {
    parts.push(t.unit ? `${String(t.value).replace('.', ',')} ${TIME_UNIT_LABELS[t.unit]}` : `${t.value} (nguồn không ghi đơn vị)`);
  }
  if (t.note) parts.push(t.value !== undefined ? `— ${t.note}` : t.note);
  return parts.join(' ');
}

export function feeText(fee: Fee): string {
  const amount = fee.amount === 0 ? 'Miễn phí' : moneyText(fee.amount, fee.currency);
  let s = amount;
  if (fee.description) s += ` (${fee.description})`;
  if (fee.exemptions) s += `. Miễn, giảm: ${fee.exemptions}`;
  return s;
}

export function feesText(fees: readonly Fee[] | undefined): string {
  if (!fees || fees.length === 0) return 'nguồn không ghi lệ phí';
  return fees.map(feeText).join('; ');
}

function orderedChannels(r: ProcedureRecord): Channel[] {
  return [...(r.channels ?? [])].sort((a, b) => CHANNEL_ORDER.indexOf(a.type) - CHANNEL_ORDER.indexOf(b.type));
}

/** Lines "• Nộp trực tiếp: …" per channel, merged into one line when every channel says the same. */
function perChannel(r: ProcedureRecord, value: (c: Channel) => string): string[] {
  const channels = orderedChannels(r);
  if (channels.length === 0) return [];
  const values = channels.map(value);
  if (channels.length > 1 && values.every((v) => v === values[0])) {
    return [`• Mọi cách nộp (${channels.map((c) => CHANNEL_LABELS[c.type].toLowerCase()).join(', ')}): ${values[0]}`];
  }
  return channels.map((c, i) => `• ${CHANNEL_LABELS[c.type]}: ${values[i]}`);
}

export function feesAnswer(r: ProcedureRecord): string {
  const lines = perChannel(r, (c) => feesText(c.fees));
  if (lines.length === 0) return 'Cổng Dịch vụ công quốc gia chưa có thông tin về lệ phí của thủ tục này.';
  return ['Phí, lệ phí:', ...lines].join('\n');
}

export function timeAnswer(r: ProcedureRecord): string {
  const lines = perChannel(r, (c) => timeText(c.time));
  if (lines.length === 0) return 'Cổng Dịch vụ công quốc gia chưa có thông tin về thời hạn giải quyết của thủ tục này.';
  return ['Thời hạn giải quyết:', ...lines].join('\n');
}

export function channelsAnswer(r: ProcedureRecord): string {
  const channels = orderedChannels(r);
  if (channels.length === 0) return 'Cổng Dịch vụ công quốc gia chưa có thông tin về cách nộp hồ sơ của thủ tục này.';
  const lines = ['Anh/Chị có thể nộp hồ sơ theo các cách sau:'];
  for (const c of channels) {
    let line = `• ${CHANNEL_LABELS[c.type]}`;
    if (c.type === 'online' && c.onlineLevel) line += c.onlineLevel === 'full' ? ' (toàn trình)' : ' (một phần)';
    if (c.type === 'direct' && r.agency?.address) line += ` — ${r.agency.address}`;
    if (c.description) line += `: ${c.description}`;
    if (c.url) line += ` (${c.url})`;
    lines.push(line);
  }
  const missing = CHANNEL_ORDER.filter((t) => !channels.some((c) => c.type === t));
  if (missing.length > 0) {
    lines.push(`Nguồn không ghi cách ${missing.map((t) => CHANNEL_LABELS[t].toLowerCase()).join(', ')} cho thủ tục này.`);
  }
  return lines.join('\n');
}

export function quantityText(d: DocumentItem): string | undefined {
  const parts: string[] = [];
  if (d.originals) parts.push(`${d.originals} bản chính`);
  if (d.copies) parts.push(`${d.copies} bản sao`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** "Giấy chứng sinh" with its first letter in upper case, as a list item reads. */
export function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

export function documentLine(d: DocumentItem, n: number): string {
  let line = `${n}. ${capitalise(d.name)}`;
  const q = quantityText(d);
  if (q) line += ` — ${q}`;
  if (d.requirement === 'conditional') line += d.condition ? ` (${d.condition.replace(/\.$/, '')})` : ' (tùy trường hợp)';
  if (d.form) line += ` [mẫu: ${d.form.name}]`;
  return line;
}

export function caseAnswer(c: DocumentCase, title?: string): string {
  const lines: string[] = [];
  if (title) lines.push(title);
  // A set that only holds notes (how to hand the papers in, say) reads as those notes.
  if (c.documents.length === 0 && (c.notes ?? []).length > 0) return [...lines, ...c.notes!.map((note) => `• ${note}`)].join('\n');
  c.documents.forEach((d, i) => lines.push(documentLine(d, i + 1)));
  if (c.documents.length === 0) lines.push('Nguồn không liệt kê giấy tờ cho trường hợp này.');
  // Notes in their own paragraph, so that no chat client reads them as part of the last list item.
  const notes = (c.notes ?? []).map((note) => `Lưu ý: ${note}`);
  return notes.length > 0 ? `${lines.join('\n')}\n\n${notes.join('\n')}` : lines.join('\n');
}

export function documentsAnswer(r: ProcedureRecord, caseIndex?: number): string {
  const cases = r.cases ?? [];
  if (cases.length === 0) return 'Cổng Dịch vụ công quốc gia không liệt kê thành phần hồ sơ cho thủ tục này.';
  if (caseIndex !== undefined && cases[caseIndex]) {
    const c = cases[caseIndex]!;
    return caseAnswer(c, c.name ? `Giấy tờ cần chuẩn bị (${c.name}):` : 'Giấy tờ cần chuẩn bị:');
  }
  return cases
    .map((c, i) => caseAnswer(c, cases.length > 1 ? `${c.name ?? `Trường hợp ${i + 1}`}:` : 'Giấy tờ cần chuẩn bị:'))
    .join('\n\n');
}

export function stepsAnswer(r: ProcedureRecord): string {
  if (!r.steps || r.steps.length === 0) return 'Cổng Dịch vụ công quốc gia chưa mô tả trình tự thực hiện của thủ tục này.';
  return [
    'Các bước thực hiện:',
    ...r.steps.map((s, i) => `${i + 1}. ${s.title ? `${s.title}: ` : ''}${s.description}`),
  ].join('\n');
}

export function agencyAnswer(r: ProcedureRecord): string {
  const lines: string[] = [];
  const a = r.agency;
  if (a?.address) lines.push(`Nơi nộp hồ sơ: ${a.address}`);
  if (a?.implementing) lines.push(`Cơ quan thực hiện: ${a.implementing}`);
  if (a?.competent && a.competent !== a.implementing) lines.push(`Cơ quan có thẩm quyền: ${a.competent}`);
  if (a?.authorised) lines.push(`Cơ quan được ủy quyền: ${a.authorised}`);
  if (a?.coordinating) lines.push(`Cơ quan phối hợp: ${a.coordinating}`);
  const level = levelsText(r.levels);
  if (level) lines.push(`Cấp thực hiện: ${level}`);
  if (lines.length === 0) return 'Cổng Dịch vụ công quốc gia chưa ghi cơ quan thực hiện thủ tục này.';
  return lines.join('\n');
}

export function eligibilityAnswer(r: ProcedureRecord): string {
  const lines: string[] = [];
  if (r.subjects && r.subjects.length > 0) lines.push(`Đối tượng thực hiện: ${r.subjects.join('; ')}.`);
  if (r.requirements && r.requirements.length > 0) {
    lines.push('Yêu cầu, điều kiện:', ...r.requirements.map((x) => `• ${x}`));
  } else {
    lines.push('Cổng Dịch vụ công quốc gia không ghi yêu cầu, điều kiện riêng cho thủ tục này.');
  }
  return lines.join('\n');
}

export function resultAnswer(r: ProcedureRecord): string {
  if (!r.results || r.results.length === 0) return 'Cổng Dịch vụ công quốc gia chưa ghi kết quả của thủ tục này.';
  return ['Kết quả Anh/Chị nhận được:', ...r.results.map((x) => `• ${x.name}`)].join('\n');
}

export function legalAnswer(r: ProcedureRecord): string {
  if (!r.legalBasis || r.legalBasis.length === 0) return 'Cổng Dịch vụ công quốc gia chưa ghi căn cứ pháp lý của thủ tục này.';
  const lines = ['Căn cứ pháp lý:', ...r.legalBasis.map((l) => `• ${l.number ? `${l.number} — ` : ''}${l.title}`)];
  if (r.source.decision) lines.push(`Thủ tục được công bố tại Quyết định ${r.source.decision}.`);
  return lines.join('\n');
}

/** Documents that are forms: with a template, or named as a form (tờ khai, đơn, phiếu, mẫu). */
export function formsAnswer(r: ProcedureRecord): string {
  const forms: string[] = [];
  for (const c of r.cases ?? []) {
    for (const d of c.documents) {
      if (d.form) forms.push(`• ${capitalise(d.name)} — mẫu: ${d.form.name}${d.form.url ? ` (${d.form.url})` : ''}`);
      else if (/^(tờ khai|đơn|phiếu|mẫu|giấy đề nghị|văn bản đề nghị|bản khai)/i.test(d.name)) forms.push(`• ${capitalise(d.name)}`);
    }
  }
  const unique = [...new Set(forms)];
  if (unique.length === 0) return 'Cổng Dịch vụ công quốc gia không ghi mẫu đơn, tờ khai riêng cho thủ tục này.';
  return [
    'Mẫu đơn, tờ khai của thủ tục:',
    ...unique,
    'Anh/Chị có thể lấy mẫu tại nơi nộp hồ sơ; khi nộp trực tuyến, Anh/Chị điền tờ khai điện tử trên Cổng Dịch vụ công.',
  ].join('\n');
}

/** A few words of the most important facts, for the summary card. */
export function summaryFacts(r: ProcedureRecord): Array<[string, string]> {
  const facts: Array<[string, string]> = [];
  const agency = r.agency?.implementing ?? r.agency?.competent;
  const level = levelsText(r.levels);
  const showLevel = level !== undefined && !(agency ?? '').toLowerCase().includes(level);
  if (agency || level) facts.push(['Cơ quan', [agency, showLevel ? `(${level})` : undefined].filter(Boolean).join(' ')]);
  const channels = orderedChannels(r);
  if (channels.length > 0) {
    // One value when every channel says the same, else "trực tiếp: …; trực tuyến: …".
    const perChannel = (value: (c: Channel) => string): string => {
      const values = channels.map(value);
      return new Set(values).size === 1 ? values[0]! : channels.map((c, i) => `${CHANNEL_SHORT_LABELS[c.type]}: ${values[i]}`).join('; ');
    };
    facts.push(['Thời hạn', perChannel((c) => timeText(c.time))]);
    // A fee the source qualifies (a reduction for a period, other amounts for other cases) points to its note.
    const feesHaveDetail = channels.some((c) => (c.fees ?? []).some((f) => f.amount > 0 && (f.description || f.exemptions)));
    facts.push(['Lệ phí', `${perChannel((c) => shortFees(c.fees))}${feesHaveDetail ? ' (xem ghi chú ở mục Lệ phí)' : ''}`]);
    facts.push(['Cách nộp', channels.map((c) => CHANNEL_SHORT_LABELS[c.type]).join(', ')]);
  }
  if (r.results && r.results.length > 0) facts.push(['Kết quả', r.results.map((x) => x.name).join('; ')]);
  return facts;
}

function shortFees(fees: readonly Fee[] | undefined): string {
  if (!fees || fees.length === 0) return 'nguồn không ghi';
  return fees.map((f) => (f.amount === 0 ? 'miễn phí' : moneyText(f.amount, f.currency))).join(' + ');
}
