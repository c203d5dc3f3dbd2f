import { ErrorCode, toTcccError } from '../services/errors';
import type { TcccErrorDetail } from '../services/errors';

export interface ErrorEventDetail {
  name: string;
  code: string;
  message: string;
  detail: TcccErrorDetail;
}

/**
 * The `error` event detail for anything a method rejected with. Read by shape rather than `instanceof`,
 * so an error raised by another copy of the services (two bundles of the package) keeps its code.
 */
export function errorEventDetail(error: unknown): ErrorEventDetail {
  if (error && typeof error === 'object') {
    const { code, message, detail } = error as Record<string, unknown>;
    if (typeof code === 'string' && typeof message === 'string') {
      return { name: 'TcccError', code, message, detail: detail && typeof detail === 'object' ? (detail as TcccErrorDetail) : {} };
    }
  }
  return toTcccError(error, ErrorCode.Server).toJSON();
}
