import { parseArgs } from 'node:util';
import { loadChannels } from '../dev-server/channels';
import { DEFAULT_HOST, DEFAULT_PORT, startDevServer } from '../dev-server/server';
import { version } from '../package.json';

const HELP = `tccc-dev-server — a local contact center for tccc-wx-sdk

Usage: tccc-dev-server [options]

Options:
  --port <n>               port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host <addr>            address to bind (default ${DEFAULT_HOST}; 0.0.0.0 lets a phone on your LAN in)
  --channels <file>        JSON array of channels (IVR entries) instead of the built-in ones
  --auto-answer <seconds>  seats accept ringing calls after this many seconds
  --seats <n>              number of agents (default 2)
  --caller-timeout <s>     a call whose caller has lost the event connection this long ends with
                           clientTimeout (default 30; the SDK keeps reconnecting until then)
  --trtc-sdk-app-id <id>   TRTC SDKAppID for real audio/video rooms (or env TRTC_SDK_APP_ID)
  --trtc-secret-key <key>  its secret key, used on this server only (prefer env TRTC_SECRET_KEY)
  -h, --help               show this help
  -v, --version            show the version
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
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        channels: { type: 'string' },
        'auto-answer': { type: 'string' },
        seats: { type: 'string' },
        'caller-timeout': { type: 'string' },
        'trtc-sdk-app-id': { type: 'string' },
        'trtc-secret-key': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) return void process.stdout.write(HELP);
  if (values.version) return void console.log(version);

  const port = parseNumber(values.port, 'port', 0, 65535) ?? DEFAULT_PORT;
  const autoAnswer = parseNumber(values['auto-answer'], 'auto-answer', 0, 600);
  const seats = parseNumber(values.seats, 'seats', 1, 10000);
  const callerTimeout = parseNumber(values['caller-timeout'], 'caller-timeout', 0.1, 600);
  const sdkAppId = values['trtc-sdk-app-id'] ?? process.env.TRTC_SDK_APP_ID;
  const secretKey = values['trtc-secret-key'] ?? process.env.TRTC_SECRET_KEY;
  if (Boolean(sdkAppId) !== Boolean(secretKey)) fail('real media needs both the TRTC SDKAppID and its secret key.');
  if (sdkAppId && !/^\d+$/.test(sdkAppId)) fail(`the TRTC SDKAppID is a number, got "${sdkAppId}".`);

  let channels;
  try {
    channels = values.channels ? loadChannels(values.channels) : undefined;
  } catch (error) {
    fail((error as Error).message);
  }

  const server = await startDevServer({
    port,
    host: values.host ?? DEFAULT_HOST,
    channels,
    trtc: sdkAppId && secretKey ? { sdkAppId: Number(sdkAppId), secretKey } : undefined,
    center: {
      ...(autoAnswer === undefined ? {} : { autoAnswerMs: autoAnswer * 1000 }),
      ...(seats === undefined ? {} : { seats: Array.from({ length: seats }, (_, i) => `Agent ${i + 1}`) }),
      ...(callerTimeout === undefined ? {} : { clientGraceMs: Math.round(callerTimeout * 1000) }),
    },
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') fail(`port ${port} is in use. Pick another with --port, or stop the other server.`);
    throw error;
  });

  const list = server.center.options.channels
    .map((c) => `${c.id} (${c.open ? c.media : 'closed'}${c.ivr ? ', IVR' : ''})`)
    .join(' · ');
  const firstAudio = server.center.options.channels.find((c) => c.open && c.media !== 'video') ?? server.center.options.channels[0];
  const reachable = server.host === '0.0.0.0' || server.host === '::' ? server.url.replace(server.host, '<your LAN address>') : server.url;
  console.log(`
tccc-dev-server ${version} — a local contact center for tccc-wx-sdk

  Agent console  ${server.url}/
  Backend        ${reachable}  (protocol v1, docs/protocol.md)
  Channels       ${list}
  Media          ${sdkAppId ? `real TRTC rooms, SDKAppID ${sdkAppId} (UserSigs signed here)` : 'simulated: the whole call flow runs, no audio flows'}
  Auto-answer    ${autoAnswer === undefined ? 'off (accept calls in the console)' : `after ${autoAnswer} s`}

Point a scaffolded app at it, in config.js:
  endpoint: '${reachable}',
  channelId: '${firstAudio.id}',

In WeChat DevTools tick 详情 → 本地设置 → 不校验合法域名 (local addresses are not whitelisted).
A phone needs --host 0.0.0.0 and your computer's LAN address. Ctrl-C stops the server.
`);

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
