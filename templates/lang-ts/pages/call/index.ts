import type { CallScreenEvent } from 'tccc-call-kit';
import { checkLogin, login } from 'tccc-wx-sdk/login';
import { channelId, sdkAppId } from '../../config';

// Built with Component() so it works as a page and in component tests alike.
Component({
  data: {
    sdkAppId,
    channelId,
    ready: false,
    problem: '',
  },
  methods: {
    onLoad() {
      return this.signIn();
    },
    // As the tccc-wx-sdk doc says: reuse a valid login, else wx.login and exchange the code. Written with
    // promise chains rather than async/await, which WeChat's ES6→ES5 step would ship a 15 KB runtime for.
    signIn() {
      return checkLogin({ sdkAppId })
        .catch(() => false)
        .then(
          (valid): unknown =>
            valid ||
            new Promise<WechatMiniprogram.LoginSuccessCallbackResult>((resolve, reject) => wx.login({ success: resolve, fail: reject })).then(({ code }) =>
              login({ sdkAppId, jsCode: code }),
            ),
        )
        .then(
          () => this.setData({ ready: true, problem: '' }),
          (error: Error) => this.setData({ problem: `登录失败：${error.message}` }),
        );
    },
    onCallError(event: CallScreenEvent<'error'>) {
      const { code, message = '' } = event.detail;
      if (code === 'permission-denied') {
        wx.showModal({
          title: '需要麦克风或摄像头权限',
          content: '请在设置中允许后再呼叫。',
          confirmText: '去设置',
          success: ({ confirm }) => confirm && wx.openSetting({}),
        });
        return;
      }
      // Anything else the call screen tells the caller itself, in its own words and language: a call that could
      // not start shows why in place of its status line. The core's message is for the developer.
      console.warn(`tccc-call-screen: ${code}: ${message}`);
    },
  },
});
