import type { Release } from '../../create/release';

/**
 * The release that tests rendering apps in this process scaffold for. Only the manifests see these ranges:
 * the packages themselves are the built ones, installed by test/support/installed.ts.
 */
export const TEST_RELEASE: Release = {
  version: '0.3.0',
  openCore: { name: 'open-tccc-wx-sdk', range: '^0.3.0' },
  kit: { name: 'tccc-call-kit', range: '^0.3.0' },
  devServer: { name: 'tccc-dev-server', range: '^0.3.0' },
};
