import type { DevServer, DevServerOptions } from '../../dev-server/server';
import { startDevServer } from '../../dev-server/server';

/**
 * Simulators for one test file: each on a free loopback port, with IVR and ring timeouts that never fire
 * during a test unless the options say otherwise, and every one closed after the file.
 */
export function simulatorsForThisFile(): (options?: DevServerOptions) => Promise<DevServer> {
  const servers: DevServer[] = [];
  afterAll(() => Promise.all(servers.map((server) => server.close())));
  return async (options = {}) => {
    const server = await startDevServer({ port: 0, ...options, center: { ivrTimeoutMs: 60000, ringTimeoutMs: 60000, ...options.center } });
    servers.push(server);
    return server;
  };
}
