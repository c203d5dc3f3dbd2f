import { parseArgs } from 'node:util';
import { canonicalOrigin } from '../dev-server/access';
import { isLoopbackName, lanAddresses } from '../dev-server/addresses';
import { startBanner } from '../dev-server/banner';
import { loadChannels } from '../dev-server/channels';
import { optionsHelp, parseArgsOptions } from '../dev-server/cli-options';
import { readSecretKey } from '../dev-server/secret-key';
import { DEFAULT_HOST, DEFAULT_PORT, startDevServer } from '../dev-server/server';
import { version } from '../package.json';

const HELP = `tccc-dev-server — a local contact center for tccc-wx-sdk

Usage: tccc-dev-server [options]

Options:
${optionsHelp()}
`;

function fail(message: string): never {
  console.error(`tccc-dev-server: ${message}\nRun tccc-dev-server --help for the options.`);
  process.exit(2);
}

function parseNumber(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) fail(`--${name} must be a number from ${min} to ${max}, got "${value}".`);
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ options: parseArgsOptions(), strict: true }));
  } catch (error) {
    fail((error as Error).message);
  }
  const text = (name: string) => values[name] as string | undefined;
  const list = (name: string) => (values[name] as string[] | undefined) ?? [];
  if (values.help) return void process.stdout.write(HELP);
  if (values.version) return void console.log(version);

  const port = parseNumber(text('port'), 'port', 0, 65535) ?? DEFAULT_PORT;
  const host = text('host') ?? DEFAULT_HOST;
  const autoAnswer = parseNumber(text('auto-answer'), 'auto-answer', 0, 600);
  const seats = parseNumber(text('seats'), 'seats', 1, 10000);
  const callerTimeout = parseNumber(text('caller-timeout'), 'caller-timeout', 0.1, 600);
  for (const origin of list('allow-origin')) {
    if (canonicalOrigin(origin) === null) fail(`--allow-origin takes an origin such as http://localhost:3000, got "${origin}".`);
  }
  const agentToken = text('agent-token');
  if (agentToken !== undefined && !/^[\x21-\x7e]{8,200}$/.test(agentToken)) fail('--agent-token must be 8 to 200 visible ASCII characters.');
  const sdkAppId = text('trtc-sdk-app-id') ?? process.env.TRTC_SDK_APP_ID;
  let secretKey: string | undefined;
  try {
    secretKey = readSecretKey({ flag: text('trtc-secret-key'), file: text('trtc-secret-key-file'), env: process.env.TRTC_SECRET_KEY }, (message) => console.error(`tccc-dev-server: ${message}`));
  } catch (error) {
    fail((error as Error).message);
  }
  if (Boolean(sdkAppId) !== Boolean(secretKey)) fail('real media needs both the TRTC SDKAppID and its secret key.');
  if (sdkAppId && !/^\d+$/.test(sdkAppId)) fail(`the TRTC SDKAppID is a number, got "${sdkAppId}".`);

  let channels;
  try {
    channels = text('channels') ? loadChannels(text('channels') as string) : undefined;
  } catch (error) {
    fail((error as Error).message);
  }

  const server = await startDevServer({
    port,
    host,
    channels,
    allowHosts: list('allow-host'),
    allowOrigins: list('allow-origin'),
    agentToken,
    trtc: sdkAppId && secretKey ? { sdkAppId: Number(sdkAppId), secretKey } : undefined,
    center: {
      ...(autoAnswer === undefined ? {} : { autoAnswerMs: autoAnswer * 1000 }),
      ...(seats === undefined ? {} : { seats: Array.from({ length: seats }, (_, i) => `Agent ${i + 1}`) }),
      ...(callerTimeout === undefined ? {} : { clientGraceMs: Math.round(callerTimeout * 1000) }),
    },
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') fail(`port ${port} is in use. Pick another with --port, or stop the other server.`);
    if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') fail(`cannot bind ${host}: no such address on this machine.`);
    throw error;
  });

  console.log(
    startBanner({
      version,
      host: server.host,
      port: server.port,
      channels: server.center.options.channels,
      trtcSdkAppId: sdkAppId && secretKey ? sdkAppId : null,
      autoAnswerSeconds: autoAnswer,
      agentToken: server.agentToken,
      agentTokenGenerated: agentToken === undefined && server.agentToken !== null,
      lanAddresses: isLoopbackName(server.host) ? [] : lanAddresses(),
    }),
  );

  const stop = () => {
    server.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('tccc-dev-server failed to start:', error);
  process.exit(1);
});
