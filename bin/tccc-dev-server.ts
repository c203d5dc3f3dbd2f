import { parseArgs } from 'node:util';
import { canonicalOrigin } from '../dev-server/access';
import { isLoopbackName, lanAddresses } from '../dev-server/addresses';
import { startBanner } from '../dev-server/banner';
import { loadChannels } from '../dev-server/channels';
import { optionsHelp, parseArgsOptions } from '../dev-server/cli-options';
import { currentTerminalLanguage, type Language, parseLanguage } from '../dev-server/language';
import { commandWith } from '../dev-server/launch-command';
import { protocolDocPath } from '../dev-server/protocol-doc';
import { readSecretKey } from '../dev-server/secret-key';
import { DEFAULT_HOST, DEFAULT_PORT, startDevServer } from '../dev-server/server';
import { type Problem, StartupProblem } from '../dev-server/startup-problem';
import { problemText, STARTUP_TEXTS } from '../dev-server/startup-texts';
import { version } from '../package.json';

// The terminal's language until --lang is read, then the one it names.
let language: Language = currentTerminalLanguage();
const say = () => STARTUP_TEXTS[language];

function help(): string {
  return `tccc-dev-server — ${say().tagline}\n\n${say().usage}\n\n${say().optionsHeading}\n${optionsHelp(language)}\n`;
}

function fail(problem: Problem): never {
  console.error(`tccc-dev-server: ${problemText(language, problem)}\n${say().seeHelp}`);
  process.exit(2);
}

function failOn(error: unknown): never {
  if (error instanceof StartupProblem) fail(error.problem);
  throw error;
}

/** node:util's parse errors, as problems this command says in its language. */
function argumentProblem(error: Error & { code?: string }): Problem {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return { code: 'unknown-option', option: quoted };
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return { code: 'unexpected-argument', argument: quoted };
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument missing/.test(error.message)) return { code: 'option-needs-value', option: quoted.replace(/ <value>$/, '') };
  return { code: 'bad-argument', detail: error.message };
}

function parseNumber(value: string | undefined, option: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) fail({ code: 'bad-number', option, min, max, value });
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ options: parseArgsOptions(), strict: true }));
  } catch (error) {
    fail(argumentProblem(error as Error));
  }
  const text = (name: string) => values[name] as string | undefined;
  const list = (name: string) => (values[name] as string[] | undefined) ?? [];
  const lang = text('lang');
  if (lang !== undefined) language = parseLanguage(lang) ?? fail({ code: 'bad-language', value: lang });
  if (values.help) return void process.stdout.write(help());
  if (values.version) return void console.log(version);

  const port = parseNumber(text('port'), 'port', 0, 65535) ?? DEFAULT_PORT;
  const host = text('host') ?? DEFAULT_HOST;
  const autoAnswer = parseNumber(text('auto-answer'), 'auto-answer', 0, 600);
  const seats = parseNumber(text('seats'), 'seats', 1, 10000);
  const callerTimeout = parseNumber(text('caller-timeout'), 'caller-timeout', 0.1, 600);
  const callsPerAddress = parseNumber(text('calls-per-address'), 'calls-per-address', 1, 100000);
  const socketsPerAddress = parseNumber(text('sockets-per-address'), 'sockets-per-address', 1, 100000);
  for (const origin of list('allow-origin')) {
    if (canonicalOrigin(origin) === null) fail({ code: 'bad-origin', value: origin });
  }
  // From the environment, or (with a warning: `ps` shows it to every local user) the command line.
  const agentToken = text('agent-token') ?? (process.env.TCCC_AGENT_TOKEN || undefined);
  if (agentToken !== undefined && !/^[\x21-\x7e]{8,200}$/.test(agentToken)) fail({ code: 'bad-agent-token' });
  if (text('agent-token') !== undefined) console.error(`tccc-dev-server: ${say().agentTokenOnCommandLine}`);
  const sdkAppId = text('trtc-sdk-app-id') ?? process.env.TRTC_SDK_APP_ID;
  let secretKey: string | undefined;
  try {
    secretKey = readSecretKey({ flag: text('trtc-secret-key'), file: text('trtc-secret-key-file'), env: process.env.TRTC_SECRET_KEY }, () =>
      console.error(`tccc-dev-server: ${say().secretKeyOnCommandLine}`),
    );
  } catch (error) {
    failOn(error);
  }
  if (Boolean(sdkAppId) !== Boolean(secretKey)) fail({ code: 'media-needs-both' });
  if (sdkAppId && !/^\d+$/.test(sdkAppId)) fail({ code: 'bad-sdk-app-id', value: sdkAppId });

  let channels;
  try {
    channels = text('channels') ? loadChannels(text('channels') as string) : undefined;
  } catch (error) {
    failOn(error);
  }

  const server = await startDevServer({
    port,
    host,
    channels,
    language,
    allowHosts: list('allow-host'),
    allowOrigins: list('allow-origin'),
    agentToken,
    eventSocketsPerAddress: socketsPerAddress,
    trtc: sdkAppId && secretKey ? { sdkAppId: Number(sdkAppId), secretKey } : undefined,
    center: {
      ...(autoAnswer === undefined ? {} : { autoAnswerMs: autoAnswer * 1000 }),
      ...(seats === undefined ? {} : { seats: Array.from({ length: seats }, (_, i) => `Agent ${i + 1}`) }),
      ...(callerTimeout === undefined ? {} : { clientGraceMs: Math.round(callerTimeout * 1000) }),
      ...(callsPerAddress === undefined ? {} : { maxSessionsPerAddress: callsPerAddress }),
    },
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') fail({ code: 'port-in-use', port });
    if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') fail({ code: 'no-such-address', host });
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
      language,
      lanCommand: commandWith(['--host', '0.0.0.0'], { env: process.env, script: process.argv[1] ?? '', cwd: process.cwd() }),
      protocolDoc: protocolDocPath(language, __dirname, process.cwd()),
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
  console.error(say().failedToStart, error);
  process.exit(1);
});
