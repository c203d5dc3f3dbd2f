// tccc-wx-sdk/login as the doc describes it: login({ sdkAppId, jsCode, ... }) and checkLogin({ sdkAppId }).
const control = require('../control');

function login(options) {
  control.calls.push({ method: 'login', args: [options] });
  if (!options || !options.sdkAppId || !options.jsCode) return Promise.reject(new Error('sdkAppId and jsCode are required'));
  control.loggedIn[String(options.sdkAppId)] = true;
  return Promise.resolve();
}

function checkLogin(options) {
  control.calls.push({ method: 'checkLogin', args: [options] });
  return Promise.resolve(Boolean(options && control.loggedIn[String(options.sdkAppId)]));
}

module.exports = { login: login, checkLogin: checkLogin };
