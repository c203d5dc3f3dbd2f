import type { LanAddress } from './addresses';
import { isLoopbackName, isWildcardAddress, urlHost } from './addresses';
import type { Channel } from './channels';
import type { Language } from './language';
import type { StartupTexts } from './startup-texts';
import { STARTUP_TEXTS } from './startup-texts';
import { jsLiteral, terminalText } from './terminal-text';
import { padToWidth, terminalWidth } from './terminal-width';

export interface BannerFacts {
  version: string;
  host: string;
  port: number;
  channels: Channel[];
  /** The TRTC SDKAppID when media is real. */
  trtcSdkAppId: string | null;
  autoAnswerSeconds: number | undefined;
  agentToken: string | null;
  /** Whether the token was made up here (then it is printed; a token the user gave is theirs already). */
  agentTokenGenerated: boolean;
  lanAddresses: LanAddress[];
  /** The language of the lines; English when not given. */
  language?: Language;
  /** The command that starts this server again for a phone: as it was started, with `--host 0.0.0.0` (launch-command.ts). */
  lanCommand?: string;
  /** Where the protocol's doc is, from where the server runs (protocol-doc.ts). */
  protocolDoc?: string;
}

/**
 * The addresses a client reaches this server at: the bound one, or for a wildcard bind every LAN address
 * it listens on (`0.0.0.0` takes IPv4 only; `::` both).
 */
export function reachableUrls(facts: Pick<BannerFacts, 'host' | 'port' | 'lanAddresses'>): string[] {
  if (!isWildcardAddress(facts.host)) return [`http://${urlHost(facts.host)}:${facts.port}`];
  const listenedOn = facts.host === '0.0.0.0' ? facts.lanAddresses.filter((lan) => lan.family === 'IPv4') : facts.lanAddresses;
  return listenedOn.map((lan) => `http://${urlHost(lan.address)}:${facts.port}`);
}

/** What tccc-dev-server prints when it is up. */
export function startBanner(facts: BannerFacts): string {
  const texts = STARTUP_TEXTS[facts.language ?? 'en-US'].banner;
  const local = `http://${urlHost(isWildcardAddress(facts.host) ? '127.0.0.1' : facts.host)}:${facts.port}`;
  const reachable = reachableUrls(facts);
  const backend = reachable[0] ?? local;
  const list = facts.channels
    // Channel ids come from the operator's --channels file: escaped, so no control character reaches the terminal.
    .map((c) => texts.channel(terminalText(c.id), [texts.channelMedia[c.open ? c.media : 'closed'], ...(c.ivr ? ['IVR'] : [])]))
    .join(' · ');
  const protocolDoc = facts.protocolDoc ?? (facts.language === 'zh-CN' ? 'docs/protocol.zh-CN.md' : 'docs/protocol.md');
  const lanCommand = facts.lanCommand ?? 'npx tccc-dev-server --host 0.0.0.0';
  const tokenInLink = facts.agentToken && facts.agentTokenGenerated ? `#token=${encodeURIComponent(facts.agentToken)}` : '';
  const rows: Array<[string, string]> = [
    [texts.labels.console, `${local}/${tokenInLink}`],
    [texts.labels.backend, `${backend}  ${texts.backendNote(protocolDoc)}`],
    [texts.labels.channels, list],
    [texts.labels.media, facts.trtcSdkAppId ? texts.mediaReal(facts.trtcSdkAppId) : texts.mediaSimulated],
    [texts.labels.autoAnswer, facts.autoAnswerSeconds === undefined ? texts.autoAnswerOff : texts.autoAnswerAfter(facts.autoAnswerSeconds)],
  ];
  if (facts.agentToken) rows.push([texts.labels.agentApi, facts.agentTokenGenerated ? texts.tokenMadeUp(facts.agentToken) : texts.tokenGiven]);
  // Labels in a column, measured as the terminal shows them (a Chinese character takes two cells).
  const labelWidth = Math.max(...rows.map(([label]) => terminalWidth(label))) + 2;
  const lines = [
    '',
    `tccc-dev-server ${facts.version} — ${STARTUP_TEXTS[facts.language ?? 'en-US'].tagline}`,
    '',
    ...rows.map(([label, value]) => `  ${padToWidth(label, labelWidth)}${value}`),
  ];
  if (!isLoopbackName(facts.host)) lines.push('', ...exposureWarning(facts, reachable));
  lines.push(
    '',
    texts.configIntro,
    `  endpoint: '${backend}',`,
    `  ${texts.channelChoice}`,
    ...channelChoices(facts.channels, texts),
    '',
    texts.devTools,
    isLoopbackName(facts.host) ? texts.phoneHintAndStop(lanCommand) : texts.stop,
    '',
  );
  return lines.join('\n');
}

/** Every channel as config.js would name it, with the calls it takes: an audio app and a video app need different ones. */
function channelChoices(channels: Channel[], texts: StartupTexts['banner']): string[] {
  // Ids come from the operator's --channels file: written as JS string literals, so a quote or a control
  // character neither breaks the snippet nor reaches the terminal.
  const width = Math.max(...channels.map((c) => terminalWidth(jsLiteral(c.id)))) + 2;
  return channels.map((c) => `    ${padToWidth(jsLiteral(c.id), width)}${texts.channelCalls[c.media]}${c.ivr ? texts.channelCalls.ivr : ''}${c.open ? '' : texts.channelCalls.closed}`);
}

function exposureWarning(facts: BannerFacts, reachable: string[]): string[] {
  const texts = STARTUP_TEXTS[facts.language ?? 'en-US'].exposure;
  const bar = '!'.repeat(78);
  return [
    bar,
    `!! ${(isWildcardAddress(facts.host) ? texts.listeningEverywhere : texts.listeningOn)(facts.host, facts.port)}`,
    `!! ${texts.anyone}`,
    `!! ${texts.trust}`,
    ...(reachable.length > 0 ? [`!! ${texts.phoneAt}`, ...reachable.map((url) => `!!   ${url}`)] : [`!! ${texts.noLanAddress}`]),
    bar,
  ];
}
