import { confirm, input, select } from '@inquirer/prompts';
import type { GivenOptions } from './defaults';
import { DEFAULT_CORE, DEFAULT_DIRECTORY } from './defaults';
import type { CoreName, ProjectOptions, TemplateName, Validator } from './options';
import {
  SECRET_REFUSAL,
  SIMULATOR_CHANNELS,
  SIMULATOR_ENDPOINT,
  SIMULATOR_SDK_APP_ID,
  TEST_APPID,
  looksLikeSecret,
  packageNameOf,
  validateAppId,
  validateChannelId,
  validateDirectory,
  validateEndpoint,
  validateSdkAppId,
} from './options';

/** Validation as the prompts run it: a secret is refused with the reason before anything else. */
function checked(validator: Validator): (value: string) => string | true {
  return (value) => (looksLikeSecret(value.trim()) ? SECRET_REFUSAL : validator(value.trim()) ?? true);
}

// The questions, in a bundle of their own (dist/create-tccc-miniprogram/ask.js): @inquirer/prompts is most
// of the scaffolder's weight, and a run with --yes or outside a terminal never loads it.

/** The first question, so that a directory in use is found before any other is asked. */
export async function askDirectory(): Promise<string> {
  return (await input({ message: 'Project directory:', default: DEFAULT_DIRECTORY, validate: checked(validateDirectory) })).trim();
}

/** Asks, in order, for each option the flags did not give. Rejects with ExitPromptError on Ctrl-C. */
export async function askForMissing(given: GivenOptions & { directory: string }): Promise<ProjectOptions> {
  const { directory } = given;
  const core =
    given.core ??
    (await select<CoreName>({
      message: 'Where do calls go?',
      choices: [
        { value: 'tccc', name: "Tencent Cloud Contact Center (Tencent's tccc-wx-sdk)" },
        { value: 'open', name: 'the local simulator and your own backend (open SDK)' },
      ],
      default: DEFAULT_CORE,
    }));
  const open = core === 'open';
  const template =
    given.template ??
    (await select<TemplateName>({
      message: 'Template:',
      choices: [
        { value: 'audio', name: 'audio  voice calls with the call screen' },
        { value: 'video', name: 'video  video calls: the agent large, your camera small' },
        { value: 'full', name: 'full   both: the caller picks voice or video' },
      ],
      default: 'audio',
    }));
  // The tccc core has no defaults for these: they name a real TCCC application.
  const sdkAppId =
    given.sdkAppId ??
    (await input({ message: open ? 'SDKAppID (any for the simulator):' : 'TCCC SDKAppID (TCCC console):', default: open ? SIMULATOR_SDK_APP_ID : undefined, validate: checked(validateSdkAppId) })).trim();
  const channelId =
    given.channelId ?? (await input({ message: 'ChannelId (the IVR entry to call):', default: open ? SIMULATOR_CHANNELS[template] : undefined, validate: checked(validateChannelId) })).trim();
  const appId = given.appId ?? (await input({ message: `WeChat AppID (${TEST_APPID} to try it without one):`, default: TEST_APPID, validate: checked(validateAppId) })).trim();
  const endpoint = !open ? '' : given.endpoint ?? (await input({ message: 'Backend server:', default: SIMULATOR_ENDPOINT, validate: checked(validateEndpoint) })).trim();
  const typescript = given.typescript ?? (await confirm({ message: 'TypeScript?', default: false }));
  return { directory, packageName: packageNameOf(directory), core, template, sdkAppId, channelId, appId, endpoint, typescript };
}

/** Whether to empty a non-empty target directory; no by default. */
export function askToOverwrite(): Promise<boolean> {
  return confirm({ message: 'Remove these and create the project here?', default: false });
}
