import { privacyError, privacyFailureOf } from '../../src/services/platform/privacy';

test('WeChat failures are told apart by errMsg, else by errno', () => {
  expect(privacyFailureOf({ errMsg: 'authorize:fail privacy permission is not authorized', errno: 104 })).toBe('not-agreed');
  expect(privacyFailureOf({ errMsg: 'authorize:fail privacy permission is not authorized', errno: 103 })).toBe('not-agreed');
  expect(privacyFailureOf({ errMsg: 'authorize:fail api scope is not declared in the privacy agreement', errno: 112 })).toBe('undeclared');
  // Clients that send no errno, or no errMsg.
  expect(privacyFailureOf({ errMsg: 'authorize:fail privacy permission is not authorized' })).toBe('not-agreed');
  expect(privacyFailureOf({ errMsg: 'authorize:fail api scope is not declared in the privacy agreement' })).toBe('undeclared');
  // A refusal of the scope itself, and things that are no failure at all.
  expect(privacyFailureOf({ errMsg: 'authorize:fail auth deny' })).toBeNull();
  expect(privacyFailureOf({ errMsg: 'authorize:fail auth deny', errno: 103 })).toBeNull();
  expect(privacyFailureOf({ errno: 103 })).toBe('not-agreed');
  expect(privacyFailureOf({ errno: 112 })).toBe('undeclared');
  expect(privacyFailureOf(undefined)).toBeNull();
  expect(privacyFailureOf('privacy permission is not authorized')).toBeNull();
});

test('the messages name what to declare for the call kind, and only the not-agreed one points at a consent', () => {
  const video = privacyError('not-agreed', ['scope.record', 'scope.camera']);
  expect(video.toJSON()).toMatchObject({ code: 'privacy-not-authorized', detail: { scope: 'scope.record', privacy: 'not-agreed' } });
  expect(video.message).toContain('麦克风 / 摄像头');
  expect(video.message).toContain('agreePrivacyAuthorization');
  expect(video.detail).not.toHaveProperty('errno');
  const undeclared = privacyError('undeclared', ['scope.record'], { errno: 112 });
  expect(undeclared.detail).toEqual({ scope: 'scope.record', privacy: 'undeclared', errno: 112 });
  expect(undeclared.message).toContain('declare 麦克风');
  expect(undeclared.message).not.toContain('摄像头');
});
