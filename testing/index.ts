/**
 * tccc-dev-server/testing: what an app needs to test its call page without WeChat DevTools. WeChat's own
 * 构建 npm and code-quality check (miniprogram-ci), the page in miniprogram-simulate with a `wx` runtime on
 * loopback, and the contact center's agent: the simulator for the open core, the doc-built double of
 * Tencent's tccc-wx-sdk for apps on Tencent's core.
 */
export type { Agent, AgentCall, SimulatorAgent, SimulatorSettings } from './agent';
export { simulatorAgent } from './agent';
export type { BuildNpmResult, BuiltNpm } from './build-npm';
export { buildNpm } from './build-npm';
export type { CodeQualityOptions, QualityProblem } from './code-quality';
export { codeQuality } from './code-quality';
export type { RenderedPage, RenderPageOptions } from './render-page';
export { renderPage } from './render-page';
export type { Control, Rendered } from './screen';
export { controlsOf, statusOf, tap, textOf, waitForStatus } from './screen';
export type { Simulator, SimulatorChannel, SimulatorOptions } from './simulator';
export { SIMULATOR_CHANNELS, startSimulator } from './simulator';
export type { DoubleMethodCall, TcccWxSdkDouble } from './tccc-wx-sdk-double';
export { TCCC_WX_SDK_DOUBLE_DIR, tcccWxSdkDouble } from './tccc-wx-sdk-double';
export { waitFor } from './wait';
export type { NetworkSwitch } from './wx-network';
export { installNetworkSwitch } from './wx-network';
export type { PrivacyOptions, PrivacyState } from './wx-privacy';
export type { Scope, Shown, WxRuntime, WxRuntimeOptions } from './wx-runtime';
export { installWxRuntime } from './wx-runtime';
