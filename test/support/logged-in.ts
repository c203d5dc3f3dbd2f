import type { DevServer } from '../../dev-server/server';
import { startDevServer } from '../../dev-server/server';
import type { WxRuntime } from '../../testing';
import { installWxRuntime } from '../../testing';
import { loadLoginModule } from './sdk-host';
import { CORE_DIST } from './simulate-root';

/**
 * For kit tests that place calls: one simulator for the file (its IVR and ring timeouts never fire during a
 * test) and, before each test, a fresh wx runtime logged in to it through our core's login. Returns the
 * simulator's URL, once it runs.
 */
export function loggedInToSimulator(sdkAppId: string): () => string {
  let server: DevServer | undefined;
  let wx: WxRuntime | undefined;
  beforeAll(async () => {
    server = await startDevServer({ port: 0, center: { ivrTimeoutMs: 60000, ringTimeoutMs: 60000 } });
  });
  afterAll(() => server?.close());
  beforeEach(async () => {
    wx = installWxRuntime();
    await loadLoginModule(server!.url, CORE_DIST).login({ jsCode: `code-${Math.random()}`, sdkAppId });
  });
  afterEach(() => wx?.restore());
  return () => server!.url;
}
