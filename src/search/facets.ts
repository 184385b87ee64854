/**
 * Which facet of a procedure a question asks about, from its wording. Patterns are matched on the folded
 * text (no diacritics) with teencode already expanded, so "mat bao lau", "mất bao lâu" and "mat bao lau
 * z" look the same. When a question asks several things, all are returned in the order they appear; the
 * last one is the main one ("…nộp ở đâu, lệ phí bao nhiêu?" asks mainly about fees).
 */

export const FACETS = [
  'general',
  'documents',
  'fees',
  'time',
  'channels',
  'steps',
  'agency',
  'eligibility',
  'result',
  'legal',
  'forms',
] as const;
export type Facet = (typeof FACETS)[number];

/**
 * Patterns on folded text; word boundaries are spaces (the text is a space-joined token list). The text
 * spells a syllable-final y after a consonant as i ("pháp lý" → "phap li", "quy trình" → "qui trinh"), as
 * canonicalVietnamese does.
 */
const PATTERNS: ReadonlyArray<readonly [Exclude<Facet, 'general'>, RegExp]> = [
  ['forms', /\b(mau don|mau to khai|to khai mau|bieu mau|mau so|mau ct\d+|mau gi|mau nao|file mau|lay mau|dien mau|mau (?:giay|van ban|phieu))\b|^(to khai|don|mau)\b/],
  ['legal', /\b(can cu phap li|co so phap li|van ban (?:nao|phap luat|qui dinh)|luat nao|nghi dinh nao|thong tu nao|qui dinh (?:o|tai) (?:dau|van ban)|theo luat|theo qui dinh nao)\b/],
  ['result', /\b(gia tri (?:su dung )?(?:trong )?bao lau|co gia tri|hieu luc|duoc cap (?:giay )?gi|nhan (?:duoc|lai) (?:giay )?gi|ket qua (?:la )?gi|ket qua nhan|cap cho (?:minh|toi|em) gi|xong (?:thi )?duoc (?:cap )?gi|(?:dung|xai|su dung) duoc (?:trong )?bao lau|con dung duoc|giu nguyen|giu duoc)\b/],
  ['fees', /\b(le phi|phi|chi phi|bao nhieu tien|het bao nhieu|mat bao nhieu(?! ngay| lau| thoi gian)|ton bao nhieu|mat tien|ton tien|mien phi|tien (?:le phi|phi)|tinh the nao tien|dong tien|nop tien|tra tien|gia bao nhieu|bao tien)\b/],
  ['time', /\b(bao lau|may ngay|bao nhieu ngay|mat may|thoi gian|thoi han|khi nao (?:co|nhan|xong|lay)|bao gio (?:co|nhan|xong|lay)|han chot|trong bao nhieu|may hom|may thang|may tuan|lau khong|co ngay|lay ngay|trong ngay|bao nhieu lau|truoc bao nhieu|truoc may)\b/],
  ['channels', /\b(online|truc tuyen|qua mang|tren mang|(?:tren|qua|bang|trong|tu) (?:app |ung dung )?vneid|dich vu cong|cong dvc|dvc|buu dien|buu chinh|gui qua|nop qua|lam qua|tren app|ung dung|etax|qua dien thoai|tai nha (?:duoc|khong))\b/],
  ['documents', /\b(giay to|ho so (?:gom|can|gi|nhu)|can (?:mang|chuan bi|nhung gi|gi|nhung giay|giay gi|nop nhung)|mang (?:theo|gi)|chuan bi (?:gi|nhung)|thanh phan|chung tu|can co gi|phai co gi|gom nhung gi|nop nhung (?:gi|giay)|nhung giay gi|giay gi)\b/],
  ['agency', /\b(o dau|noi nao|cho nao|co quan nao|den dau|nop dau|lam dau|ve dau|di dau|o xa|o phuong|tai xa|tai phuong|cap nao|lien he ai|ai giai quyet|ai cap|phong nao|duoc khong o|cho lam|ra (?:xa|phuong|cong an|ubnd|uy ban)|hay (?:o|tai|ra|len) (?:xa|phuong|huyen|tinh|so|toa|cong an|ubnd|uy ban|buu dien|van phong)|ve (?:tinh|xa|que) (?:cu )?lam)\b/],
  ['steps', /\b(cac buoc|qui trinh|trinh tu|cach lam|can lam gi|phai lam gi|lam gi|bat dau tu dau|huong dan|lam (?:the nao|nhu the nao|sao|ntn|kieu gi))\b/],
  ['eligibility', /\b(dieu kien|ai duoc|truong hop nao|bat buoc|doi tuong|du tuoi|do tuoi|bao nhieu tuoi|may tuoi|co duoc (?:cap|lam|huong|dang ki)|duoc phep)\b/],
];

/**
 * Question forms that mostly wrap another facet: "… được không", "có phải …" ("nộp qua bưu điện được
 * không" asks about channels), "… thế nào" ("lệ phí thế nào" asks about fees). They decide the facet only
 * when nothing more specific is asked.
 */
const WEAK: ReadonlyArray<readonly [Exclude<Facet, 'general'>, RegExp]> = [
  ['eligibility', /\b(co duoc|duoc khong|co phai|co can|co bi|co the)\b/],
  ['steps', /\b(the nao|nhu nao|ra sao|lam sao|ntn|kieu gi)\b/],
];

export interface FacetDetection {
  /** The main facet asked (the last one mentioned), or `general`. */
  facet: Facet;
  /** Every facet mentioned, in order of appearance. */
  all: Facet[];
}

export function detectFacets(folded: string): FacetDetection {
  const hits: Array<{ facet: Facet; at: number }> = [];
  for (const [facet, re] of PATTERNS) {
    const global = new RegExp(re.source, 'g');
    let last = -1;
    for (const m of folded.matchAll(global)) last = m.index!;
    if (last >= 0) hits.push({ facet, at: last });
  }
  if (hits.length === 0) {
    const weak = WEAK.map(([facet, re]) => ({ facet, m: re.exec(folded) }))
      .filter((w) => w.m !== null)
      .sort((a, b) => a.m!.index - b.m!.index);
    return weak.length > 0 ? { facet: weak[weak.length - 1]!.facet, all: weak.map((w) => w.facet) } : { facet: 'general', all: [] };
  }
  // Specific facets first when two patterns hit the same words ("mẫu tờ khai lấy ở đâu" is about forms).
  const specific = hits.filter((h) => h.facet === 'forms' || h.facet === 'legal' || h.facet === 'result');
  const ordered = [...hits].sort((a, b) => a.at - b.at);
  const main = specific.length > 0 ? specific.sort((a, b) => b.at - a.at)[0]! : ordered[ordered.length - 1]!;
  return { facet: main.facet, all: ordered.map((h) => h.facet) };
}
