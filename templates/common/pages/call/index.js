const { checkLogin, login } = require('tccc-wx-sdk/login');
const config = require('../../config');

// Built with Component() so it works as a page and in component tests alike.
Component({
  data: {
    sdkAppId: config.sdkAppId,
    channelId: config.channelId,
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
      const { sdkAppId } = config;
      return checkLogin({ sdkAppId })
        .catch(() => false)
        .then((valid) => valid || new Promise((resolve, reject) => wx.login({ success: resolve, fail: reject })).then(({ code }) => login({ sdkAppId, jsCode: code })))
        .then(
          () => this.setData({ ready: true, problem: '' }),
          (error) => this.setData({ problem: `登录失败：${error.message}` }),
        );
    },
    onCallError(event) {
      const { code, message, detail } = event.detail;
      if (code === 'privacy-not-authorized' && detail && detail.privacy === 'not-agreed') {
        wx.showModal({ title: '未同意隐私保护指引', content: '同意后才能使用麦克风通话。请再次呼叫，并在提示中点击「同意并继续」。', showCancel: false });
        return;
      }
      if (code === 'permission-denied') {
        wx.showModal({
          title: '需要麦克风或摄像头权限',
          content: '请在设置中允许后再呼叫。',
          confirmText: '去设置',
          success: ({ confirm }) => confirm && wx.openSetting(),
        });
        return;
      }
      // Anything else the call screen tells the caller itself, in its own words and language: a call that could
      // not start shows why in place of its status line. The core's message is for the developer.
      console.warn(`tccc-call-screen: ${code}: ${message}`);
    },
  },
});
