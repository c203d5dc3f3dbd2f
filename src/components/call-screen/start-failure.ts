import type { SharedTexts } from '../../common/locale';
import { ErrorCode } from '../../services/errors';

/**
 * The words for a start that failed, by error code, or '' when there is nothing to tell the caller (they
 * cancelled it themselves). The screen shows them in place of the status line; it never toasts.
 */
export function startFailureText(code: unknown, texts: SharedTexts): string {
  const words = texts.startFailed;
  switch (code) {
    case ErrorCode.Cancelled:
      return '';
    case ErrorCode.PermissionDenied:
      return words.permissionDenied;
    case ErrorCode.PrivacyNotAuthorized:
      return words.privacyNotAuthorized;
    case ErrorCode.NotLoggedIn:
    case ErrorCode.LoginExpired:
      return words.notLoggedIn;
    case ErrorCode.Network:
    case ErrorCode.Timeout:
      return words.network;
    case ErrorCode.Busy:
      return words.busy;
    default:
      return words.other;
  }
}
