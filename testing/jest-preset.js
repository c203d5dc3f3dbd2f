// The jest preset of tccc-dev-server/testing ("jest": { "preset": "tccc-dev-server/testing" }): what a test
// of a mini program page needs. jsdom for miniprogram-simulate, with Node's export conditions (the page's
// packages are CommonJS); requires resolved as WeChat resolves them, from the nearest miniprogram_npm;
// room for WeChat's build and check (tens of seconds); the built packages never taken for tests; and
// trtc-wx-sdk's banner, printed at each load, left out.
module.exports = {
  testEnvironment: 'jsdom',
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
  resolver: require.resolve('./wechat-resolver.js'),
  setupFiles: [require.resolve('./quiet-trtc.js')],
  testTimeout: 120000,
  testPathIgnorePatterns: ['/node_modules/', '/miniprogram_npm/'],
};
