/**
 * Errors of the Direct Line endpoint, in the shape Azure's Direct Line gives them
 * (`{"error": {"code": "...", "message": "..."}}`), with the fields that were wrong when there are any.
 */
import type { Response } from 'restify';

export type DirectLineErrorCode =
  | 'BadArgument'
  | 'MissingToken'
  | 'BadToken'
  | 'TokenExpired'
  | 'Forbidden'
  | 'NotFound'
  | 'TooLarge'
  | 'TooManyRequests'
  | 'Unsupported'
  | 'ServerError';

export interface FieldProblem {
  path: string;
  problem: string;
}

export class DirectLineError extends Error {
  constructor(
    readonly status: number,
    readonly code: DirectLineErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DirectLineError';
  }

  toBody(): { error: { code: DirectLineErrorCode; message: string; fields?: FieldProblem[] } } {
    return { error: { code: this.code, message: this.message, ...(this.fields.length > 0 ? { fields: this.fields } : {}) } };
  }
}

export function sendError(res: Response, error: DirectLineError): void {
  if (error.retryAfterSeconds !== undefined) res.header('Retry-After', String(error.retryAfterSeconds));
  res.send(error.status, error.toBody());
}

export const errors = {
  missingToken: (): DirectLineError =>
    new DirectLineError(401, 'MissingToken', 'Thiếu mã truy cập: cần tiêu đề Authorization: Bearer <token>.'),
  badToken: (): DirectLineError => new DirectLineError(403, 'BadToken', 'Mã truy cập không hợp lệ.'),
  expiredToken: (): DirectLineError => new DirectLineError(403, 'TokenExpired', 'Mã truy cập đã hết hạn.'),
  foreignToken: (): DirectLineError =>
    new DirectLineError(403, 'Forbidden', 'Mã truy cập này không dùng được cho cuộc trò chuyện này.'),
  secretRequired: (): DirectLineError =>
    new DirectLineError(403, 'Forbidden', 'Thao tác này cần khóa bí mật (secret) của Direct Line.'),
  tokenRequired: (): DirectLineError =>
    new DirectLineError(403, 'Forbidden', 'Thao tác này cần mã truy cập (token) của một cuộc trò chuyện, không phải khóa bí mật.'),
  conversationNotFound: (): DirectLineError =>
    new DirectLineError(404, 'NotFound', 'Không tìm thấy cuộc trò chuyện (chưa bắt đầu hoặc đã hết hạn lưu giữ).'),
  tooManyRequests: (retryAfterSeconds: number): DirectLineError =>
    new DirectLineError(429, 'TooManyRequests', 'Quá nhiều yêu cầu; vui lòng thử lại sau ít giây.', [], retryAfterSeconds),
  originNotAllowed: (origin: string): DirectLineError =>
    new DirectLineError(403, 'Forbidden', `Origin ${origin} không được phép (WEBCHAT_ALLOWED_ORIGINS).`),
};
