import type { LanAddress } from './addresses';
import { isLoopbackName, isWildcardAddress, urlHost } from './addresses';
import type { Channel } from './channels';

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
}

/** The addresses a client reaches this server at: the bound one, or for a wildcard bind every LAN address. */
export function reachableUrls(facts: Pick<BannerFacts, 'host' | 'port' | 'lanAddresses'>): string[] {
  if (!isWildcardAddress(facts.host)) return [`http://${urlHost(facts.host)}:${facts.port}`];
  return facts.lanAddresses.map((lan) => `http://${urlHost(lan.address)}:${facts.port}`);
}

/** What tccc-dev-server prints when it is up. */
export function startBanner(facts: BannerFacts): string {
  const local = `http://${urlHost(isWildcardAddress(facts.host) ? '127.0.0.1' : facts.host)}:${facts.port}`;
  const reachable = reachableUrls(facts);
  const backend = reachable[0] ?? local;
  const list = facts.channels.map((c) => `${c.id} (${c.open ? c.media : 'closed'}${c.ivr ? ', IVR' : ''})`).join(' · ');
  const firstAudio = facts.channels.find((c) => c.open && c.media !== 'video') ?? facts.channels[0];
  const tokenInLink = facts.agentToken && facts.agentTokenGenerated ? `#token=${encodeURIComponent(facts.agentToken)}` : '';
  const lines = [
    '',
    `tccc-dev-server ${facts.version} — a local contact center for tccc-wx-sdk`,
    '',
    `  Agent console  ${local}/${tokenInLink}`,
    `  Backend        ${backend}  (protocol v1, docs/protocol.md)`,
    `  Channels       ${list}`,
    `  Media          ${facts.trtcSdkAppId ? `real TRTC rooms, SDKAppID ${facts.trtcSdkAppId} (UserSigs and room tickets signed here)` : 'simulated: the whole call flow runs, no audio flows'}`,
    `  Auto-answer    ${facts.autoAnswerSeconds === undefined ? 'off (accept calls in the console)' : `after ${facts.autoAnswerSeconds} s`}`,
  ];
  if (facts.agentToken) {
    lines.push(`  Agent API      needs its token${facts.agentTokenGenerated ? `: ${facts.agentToken}` : ' (the one you gave with --agent-token)'}`);
  }
  if (!isLoopbackName(facts.host)) lines.push('', ...exposureWarning(facts, reachable));
  lines.push(
    '',
    'Point a scaffolded app at it, in config.js:',
    `  endpoint: '${backend}',`,
    `  channelId: '${firstAudio.id}',`,
    '',
    'In WeChat DevTools tick 详情 → 本地设置 → 不校验合法域名 (local addresses are not whitelisted).',
    isLoopbackName(facts.host) ? 'A phone needs --host 0.0.0.0 and your computer\'s LAN address. Ctrl-C stops the server.' : 'Ctrl-C stops the server.',
    '',
  );
  return lines.join('\n');
}

function exposureWarning(facts: BannerFacts, reachable: string[]): string[] {
  const bar = '!'.repeat(78);
  const where = isWildcardAddress(facts.host) ? `every interface (${facts.host})` : facts.host;
  return [
    bar,
    `!! WARNING: listening on ${where}, port ${facts.port}: reachable from your network.`,
    '!! Anyone who can reach it can log in and place calls; the agent API needs the token above.',
    '!! Use it on a network you trust only, and never expose it to the internet.',
    ...(reachable.length > 0
      ? ['!! A phone on your LAN reaches it at:', ...reachable.map((url) => `!!   ${url}`)]
      : ['!! No LAN address found on this machine: is it connected to a network?']),
    bar,
  ];
}
