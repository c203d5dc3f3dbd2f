import { DEFAULT_HOST, DEFAULT_PORT } from './server';

/** One command-line option of tccc-dev-server: the source of both `--help` and the README's table. */
export interface CliOption {
  name: string;
  short?: string;
  /** Placeholder of the value; none for a switch. */
  value?: string;
  multiple?: boolean;
  /** One line for `--help`. */
  help: string;
  /** The README's wording, when it says more than `help`. */
  readme?: string;
}

export const CLI_OPTIONS: CliOption[] = [
  { name: 'port', value: 'n', help: `port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)` },
  {
    name: 'host',
    value: 'addr',
    help: `address to bind (default ${DEFAULT_HOST}; 0.0.0.0 lets a phone on your LAN in, with a warning)`,
    readme: `address to bind (default ${DEFAULT_HOST}). Anything beyond loopback (\`0.0.0.0\` for a phone) prints a warning with the LAN addresses to use and turns on the agent token`,
  },
  { name: 'channels', value: 'file', help: 'JSON array of channels (IVR entries) instead of the built-in ones', readme: "a JSON array of `{ id, name, media: 'audio'\\|'video'\\|'both', open, ivr?: { prompt, digits } }`" },
  { name: 'auto-answer', value: 'seconds', help: 'seats accept ringing calls after this many seconds', readme: 'seats accept ringing calls by themselves (also a switch in the console)' },
  { name: 'seats', value: 'n', help: 'number of agents (default 2)' },
  {
    name: 'caller-timeout',
    value: 's',
    help: 'a call whose caller lost the event connection this long ends with clientTimeout (default 30; the SDK reconnects until then)',
  },
  {
    name: 'allow-host',
    value: 'name',
    multiple: true,
    help: 'also accept this name in the Host header (repeatable; loopback names and the bound address always pass)',
  },
  {
    name: 'allow-origin',
    value: 'origin',
    multiple: true,
    help: 'also accept browser requests from this origin, e.g. http://localhost:3000 (repeatable)',
  },
  {
    name: 'agent-token',
    value: 'token',
    help: 'require this token for the agent API and console (made up and printed when binding beyond loopback)',
  },
  { name: 'trtc-sdk-app-id', value: 'id', help: 'TRTC SDKAppID for real audio/video rooms (or env TRTC_SDK_APP_ID)' },
  {
    name: 'trtc-secret-key-file',
    value: 'file',
    help: 'file holding its secret key (or env TRTC_SECRET_KEY); used on this server only',
    readme: 'a file holding its secret key; or env `TRTC_SECRET_KEY`. Sessions get TRTC rooms with UserSigs and room-bound `privateMapKey`s signed here; the key never reaches a client',
  },
  { name: 'trtc-secret-key', value: 'key', help: 'the secret key itself: visible to every local user in `ps` (a warning says so)' },
  { name: 'help', short: 'h', help: 'show this help' },
  { name: 'version', short: 'v', help: 'show the version' },
];

function flagsOf(option: CliOption): string {
  const long = `--${option.name}${option.value ? ` <${option.value}>` : ''}`;
  return option.short ? `-${option.short}, ${long}` : long;
}

/** The options block of `--help`. */
export function optionsHelp(): string {
  const width = Math.max(...CLI_OPTIONS.map((option) => flagsOf(option).length)) + 2;
  return CLI_OPTIONS.map((option) => `  ${flagsOf(option).padEnd(width)}${option.help}`).join('\n');
}

/** The README's options table (Markdown), from the same list. */
export function optionsTable(): string {
  const rows = CLI_OPTIONS.map((option) => `| \`${flagsOf(option).replace(/\|/g, '\\|')}\` | ${option.readme ?? option.help} |`);
  return ['| Option | |', '|---|---|', ...rows].join('\n');
}

/** The shape `node:util` parseArgs takes. */
export function parseArgsOptions(): Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> {
  return Object.fromEntries(
    CLI_OPTIONS.map((option) => [option.name, { type: option.value ? 'string' : 'boolean', ...(option.short ? { short: option.short } : {}), ...(option.multiple ? { multiple: true } : {}) }]),
  );
}
