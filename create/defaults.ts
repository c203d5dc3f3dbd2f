import type { ProjectOptions } from './options';
import { SIMULATOR_CHANNELS, SIMULATOR_ENDPOINT, SIMULATOR_SDK_APP_ID, TEST_APPID, packageNameOf } from './options';

/** Options as the flags gave them; what is missing is asked for or defaulted. */
export type GivenOptions = Partial<Omit<ProjectOptions, 'packageName'>>;

export const DEFAULT_DIRECTORY = 'tccc-miniprogram';

/** Every missing option from its default: non-interactive runs and `--yes`. */
export function withDefaults(given: GivenOptions): ProjectOptions {
  const directory = given.directory ?? DEFAULT_DIRECTORY;
  const template = given.template ?? 'audio';
  return {
    directory,
    packageName: packageNameOf(directory),
    template,
    sdkAppId: given.sdkAppId ?? SIMULATOR_SDK_APP_ID,
    channelId: given.channelId ?? SIMULATOR_CHANNELS[template],
    appId: given.appId ?? TEST_APPID,
    endpoint: given.endpoint ?? SIMULATOR_ENDPOINT,
  };
}
