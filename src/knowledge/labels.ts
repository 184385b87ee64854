/** Vietnamese names of the schema's enumerations, for text built from records. */
import type { ChannelType, Level, TimeUnit } from './schema.js';

export const LEVEL_LABELS: Record<Level, string> = {
  ministry: 'cấp bộ',
  province: 'cấp tỉnh',
  commune: 'cấp xã',
  other: 'cơ quan khác',
};

export const TIME_UNIT_LABELS: Record<TimeUnit, string> = {
  'working-days': 'ngày làm việc',
  days: 'ngày',
  hours: 'giờ',
  months: 'tháng',
  years: 'năm',
};

export const CHANNEL_LABELS: Record<ChannelType, string> = {
  direct: 'Nộp trực tiếp',
  online: 'Nộp trực tuyến',
  postal: 'Gửi qua bưu chính',
};

/** Channel names inside a sentence or a short list: "trực tiếp: 7 ngày làm việc". */
export const CHANNEL_SHORT_LABELS: Record<ChannelType, string> = {
  direct: 'trực tiếp',
  online: 'trực tuyến',
  postal: 'qua bưu chính',
};
