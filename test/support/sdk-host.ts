import path from 'node:path';
import simulate from 'miniprogram-simulate';

export const DIST = path.resolve(__dirname, '../../miniprogram_dist');

export interface Recorded {
  sessionStart: Array<{ sessionId: string; media: string }>;
  accepted: Array<{ sessionId: string; seatName: string }>;
  /** What the doc's literal `bind:accept` heard. */
  accept: Array<{ sessionId: string; seatName: string }>;
  sessionEnded: Array<{ sessionId: string; closeBy: string; endStatus: number; reason: string }>;
  error: Array<{ code: string; message: string }>;
  /** Phases in the order the `statechange` event reported them, without repeats. */
  phases: string[];
  /** The `reconnecting` flag of the state, each time it changed. */
  reconnecting: boolean[];
}

export type SdkComponent = Record<string, (...args: unknown[]) => Promise<unknown>> & {
  getState(): { phase: string; muted: boolean; soundMode: string; cameraEnabled: boolean; cameraFacing: string };
};

/**
 * A page like the seed doc's: `<tccc-wx-sdk id="tcccSdk" ...>` with its four event bindings, optionally
 * with the pusher and player children. `sdk()` is `this.selectComponent('#tcccSdk')`, as in the doc.
 */
let loaded: { rootId: string; pusherId: string; playerId: string } | null = null;

/** The built components, loaded once per test file (the official wcc compiler runs on each load). */
function loadSdkComponents() {
  loaded ??= {
    rootId: simulate.load(path.join(DIST, 'index'), 'tccc-wx-sdk', { rootPath: DIST }),
    pusherId: simulate.load(path.join(DIST, 'pusher', 'index'), 'tccc-wx-sdk-pusher', { rootPath: DIST }),
    playerId: simulate.load(path.join(DIST, 'player', 'index'), 'tccc-wx-sdk-player', { rootPath: DIST }),
  };
  return loaded;
}

/** `children` replaces the default children (`video` puts in a pusher and a player); `data` is the page's extra data. */
export function renderSdkPage(options: { sdkAppId: string; video?: boolean; children?: string; data?: Record<string, unknown> }) {
  const { rootId, pusherId, playerId } = loadSdkComponents();
  const recorded: Recorded = { sessionStart: [], accepted: [], accept: [], sessionEnded: [], error: [], phases: [], reconnecting: [] };
  const children = options.children ?? (options.video ? '<tccc-wx-sdk-pusher id="pusher" /><tccc-wx-sdk-player id="player" />' : '');
  const pageId = simulate.load({
    usingComponents: { 'tccc-wx-sdk': rootId, 'tccc-wx-sdk-pusher': pusherId, 'tccc-wx-sdk-player': playerId },
    template: `<view wx:if="{{ shown }}"><tccc-wx-sdk id="tcccSdk" sdkAppId="{{ sdkAppId }}" bind:error="handleTcccError" bind:sessionEnded="handleEnd" bind:accepted="handleAccept" bind:accept="handleAcceptAsInTheDoc" bind:sessionStart="handleStart" bind:statechange="handleState">${children}</tccc-wx-sdk></view>`,
    data: { ...options.data, sdkAppId: options.sdkAppId, shown: true },
    methods: {
      handleStart(event: { detail: Recorded['sessionStart'][number] }) {
        recorded.sessionStart.push(event.detail);
      },
      handleAccept(event: { detail: Recorded['accepted'][number] }) {
        recorded.accepted.push(event.detail);
      },
      handleAcceptAsInTheDoc(event: { detail: Recorded['accept'][number] }) {
        recorded.accept.push(event.detail);
      },
      handleEnd(event: { detail: Recorded['sessionEnded'][number] }) {
        recorded.sessionEnded.push(event.detail);
      },
      handleState(event: { detail: { phase: string; reconnecting: boolean } }) {
        if (recorded.phases[recorded.phases.length - 1] !== event.detail.phase) recorded.phases.push(event.detail.phase);
        const wasReconnecting = recorded.reconnecting[recorded.reconnecting.length - 1] ?? false;
        if (wasReconnecting !== event.detail.reconnecting) recorded.reconnecting.push(event.detail.reconnecting);
      },
      handleTcccError(event: { detail: Recorded['error'][number] }) {
        recorded.error.push(event.detail);
      },
    },
  });
  const page = simulate.render(pageId);
  page.attach(document.createElement('parent-wrapper'));
  const sdk = () => page.instance.selectComponent('#tcccSdk') as unknown as SdkComponent;
  return { page, sdk, recorded };
}

export interface LoginModule {
  login(options: unknown): Promise<unknown>;
  checkLogin(options: unknown): Promise<boolean>;
  configure(options: unknown): void;
}

/** `require('tccc-wx-sdk/login')` from the built package (in `dist`), fresh for each test, pointed at `endpoint`. */
export function loadLoginModule(endpoint: string, dist = DIST): LoginModule {
  let loaded!: LoginModule;
  jest.isolateModules(() => {
    loaded = require(`${dist}/login/index`);
  });
  loaded.configure({ endpoint });
  return loaded;
}
