import type { Messages } from './messages';
import { EN_US } from './messages';
import type { ProjectOptions } from './options';
import { SIMULATOR_CHANNELS, SIMULATOR_ENDPOINT, SIMULATOR_SDK_APP_ID, TEST_APPID, packageNameOf } from './options';

/** Options as the flags gave them; what is missing is asked for or defaulted. */
export type GivenOptions = Partial<Omit<ProjectOptions, 'packageName'>>;

export const DEFAULT_DIRECTORY = 'tccc-miniprogram';

/** The core a run without `--core` gets: the open one works with no account. */
export const DEFAULT_CORE = 'open';

/**
 * What the flags must give for the `tccc` core, which has no defaults to fall back on: a real TCCC
 * application's SDKAppID and ChannelId, and no backend (Tencent's core talks to TCCC itself). Null when fine.
 */
export function tcccCoreProblem(given: GivenOptions, interactive: boolean, m: Messages = EN_US): string | null {
  if ((given.core ?? DEFAULT_CORE) !== 'tccc') return null;
  if (given.endpoint !== undefined) return m.errors.serverWithTccc;
  if (!interactive && (given.sdkAppId === undefined || given.channelId === undefined)) return m.errors.tcccIdsMissing;
  return null;
}

/** Every missing option from its default: non-interactive runs and `--yes` (check tcccCoreProblem first). */
export function withDefaults(given: GivenOptions): ProjectOptions {
  const directory = given.directory ?? DEFAULT_DIRECTORY;
  const template = given.template ?? 'audio';
  const core = given.core ?? DEFAULT_CORE;
  return {
    directory,
    packageName: packageNameOf(directory),
    core,
    template,
    sdkAppId: given.sdkAppId ?? SIMULATOR_SDK_APP_ID,
    channelId: given.channelId ?? SIMULATOR_CHANNELS[template],
    appId: given.appId ?? TEST_APPID,
    endpoint: core === 'tccc' ? '' : given.endpoint ?? SIMULATOR_ENDPOINT,
    typescript: given.typescript ?? false,
    tests: given.tests ?? true,
  };
}
