import { ErrorCode, TcccError, isTcccError, toTcccError } from '../../src/services/errors';

/** What another copy of the errors module (a second bundle of the package) would make. */
class OtherCopyTcccError extends Error {
  constructor(readonly code: string, message: string, readonly detail = {}) {
    super(message);
    this.name = 'TcccError';
  }
  toJSON() {
    return { name: this.name, code: this.code, message: this.message, detail: this.detail };
  }
}

test('a TcccError from another copy of the module is one, and keeps its code through toTcccError', () => {
  const foreign = new OtherCopyTcccError('no-session', 'sendDigits needs a call.');
  expect(isTcccError(foreign)).toBe(true);
  expect(toTcccError(foreign, ErrorCode.Server).toJSON()).toEqual({ name: 'TcccError', code: 'no-session', message: 'sendDigits needs a call.', detail: {} });
  expect(isTcccError(new TcccError(ErrorCode.Busy, 'busy'))).toBe(true);
});

test('look-alikes are not: plain objects, other errors, a name without a code', () => {
  expect(isTcccError({ name: 'TcccError', code: 'busy', message: 'x', toJSON: () => ({}) })).toBe(false);
  expect(isTcccError(new Error('boom'))).toBe(false);
  const named = new Error('x');
  named.name = 'TcccError';
  expect(isTcccError(named)).toBe(false);
  expect(toTcccError({ code: 'busy', message: 'x' }, ErrorCode.Server).code).toBe('server');
});
