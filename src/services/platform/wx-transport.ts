import { ErrorCode, TcccError } from '../errors';
import type { HttpRequest, HttpResponse, SocketConnection, SocketHandlers, Transport } from '../transport';

/** Extra time past `timeoutMs` before our own timer gives up on a runtime that never calls back. */
const CALLBACK_GRACE_MS = 1000;

/** What to do when WeChat refuses a domain missing from the console's `request` or `socket` whitelist; '' otherwise. */
function whitelistHint(errMsg: string, list: 'request' | 'socket'): string {
  return /url not in domain list/i.test(errMsg) ? ` Add the domain to the ${list} whitelist (${list}合法域名) in the WeChat console.` : '';
}

function request({ method, url, headers, body, timeoutMs }: HttpRequest): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      action();
    };
    const guard = setTimeout(
      () => settle(() => reject(new TcccError(ErrorCode.Timeout, `${method} ${url} got no answer within ${timeoutMs} ms.`))),
      timeoutMs + CALLBACK_GRACE_MS,
    );
    wx.request({
      url,
      method,
      header: headers,
      data: body as WechatMiniprogram.IAnyObject | undefined,
      timeout: timeoutMs,
      dataType: 'json',
      success: (res) => settle(() => resolve({ status: res.statusCode, body: res.data, headers: res.header as Record<string, string> })),
      fail: (err) => {
        const timedOut = /timeout/i.test(err.errMsg);
        const hint = whitelistHint(err.errMsg, 'request');
        settle(() =>
          reject(new TcccError(timedOut ? ErrorCode.Timeout : ErrorCode.Network, `${method} ${url} failed: ${err.errMsg}.${hint}`)),
        );
      },
    });
  });
}

function connect(url: string, handlers: SocketHandlers): SocketConnection {
  let closed = false;
  const closeOnce = (code: number, reason: string, refused = false) => {
    if (closed) return;
    closed = true;
    handlers.onClose({ code, reason, refused });
  };
  // WeChat's errMsg is kept: it is what tells a missing whitelist entry from a network that is down.
  const failed = (errMsg: string) => {
    const hint = whitelistHint(errMsg, 'socket');
    closeOnce(1006, `${errMsg}.${hint}`, hint !== '');
  };
  const task = wx.connectSocket({ url, fail: (err) => failed(err.errMsg) });
  task.onOpen(() => handlers.onOpen());
  task.onMessage(({ data }) => {
    if (typeof data === 'string') handlers.onMessage(data);
  });
  task.onClose(({ code, reason }) => closeOnce(code, reason));
  task.onError(({ errMsg }) => {
    failed(errMsg);
    task.close({});
  });
  return {
    send: (text) => task.send({ data: text }),
    close: () => {
      task.close({ code: 1000 });
      closeOnce(1000, 'closed by client');
    },
  };
}

/** The Transport of the mini program: `wx.request` and `wx.connectSocket`, every call bounded in time. */
export const wxTransport: Transport = { request, connect };
