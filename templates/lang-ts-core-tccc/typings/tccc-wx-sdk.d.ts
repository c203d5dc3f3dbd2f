// Tencent's tccc-wx-sdk ships no TypeScript declarations: these type its login entry as its public doc
// documents it. The call screen's own types come from tccc-call-kit.
declare module 'tccc-wx-sdk/login' {
  export interface LoginOptions {
    /** SdkAppId of your TCCC application. */
    sdkAppId: string;
    /** The code from wx.login. */
    jsCode: string;
    dataEnv?: string;
    dataIv?: string;
    mobileEnv?: string;
    mobileIv?: string;
  }
  export function login(options: LoginOptions): Promise<unknown>;
  /** Resolves with a truthy result while the login is valid. */
  export function checkLogin(options: { sdkAppId: string }): Promise<unknown>;
}
