import { confirm, input, select } from '@inquirer/prompts';
import type { GivenOptions } from './defaults';
import type { Messages } from './messages';
import { EN_US } from './messages';
import { DEFAULT_CORE, DEFAULT_DIRECTORY } from './defaults';
import type { CoreName, ProjectOptions, TemplateName, Validator } from './options';
import {
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

/** Validation as the prompts run it, in the user's language: a secret is refused with the reason before anything else. */
function checked(validator: Validator, m: Messages): (value: string) => string | true {
  return (value) => (looksLikeSecret(value.trim()) ? m.errors.secret : validator(value.trim(), m) ?? true);
}

// The questions, in a bundle of their own (dist/create-tccc-miniprogram/ask.js): @inquirer/prompts is most
// of the scaffolder's weight, and a run with --yes or outside a terminal never loads it.

/** The first question, so that a directory in use is found before any other is asked. */
export async function askDirectory(m: Messages = EN_US): Promise<string> {
  return (await input({ message: m.questions.directory, default: DEFAULT_DIRECTORY, validate: checked(validateDirectory, m) })).trim();
}

/** A list's key help in the user's words, where the prompt library's English is not theirs. */
function listTheme(m: Messages): { style: { keysHelpTip: (keys: Array<[string, string]>) => string } } | undefined {
  if (Object.keys(m.questions.keyActions).length === 0) return undefined;
  return { style: { keysHelpTip: (keys) => keys.map(([key, action]) => `${key} ${m.questions.keyActions[action] ?? action}`).join(' • ') } };
}

/** Asks, in order, for each option the flags did not give. Rejects with ExitPromptError on Ctrl-C. */
export async function askForMissing(given: GivenOptions & { directory: string }, m: Messages = EN_US): Promise<ProjectOptions> {
  const q = m.questions;
  const { directory } = given;
  const core =
    given.core ??
    (await select<CoreName>({
      message: q.core,
      theme: listTheme(m),
      choices: [
        { value: 'tccc', name: q.coreTccc },
        { value: 'open', name: q.coreOpen },
      ],
      default: DEFAULT_CORE,
    }));
  const open = core === 'open';
  const template =
    given.template ??
    (await select<TemplateName>({
      message: q.template,
      theme: listTheme(m),
      choices: [
        { value: 'audio', name: q.templateAudio },
        { value: 'video', name: q.templateVideo },
        { value: 'full', name: q.templateFull },
      ],
      default: 'audio',
    }));
  // The tccc core has no defaults for these: they name a real TCCC application.
  const sdkAppId =
    given.sdkAppId ??
    (await input({ message: open ? q.sdkAppIdOpen : q.sdkAppIdTccc, default: open ? SIMULATOR_SDK_APP_ID : undefined, validate: checked(validateSdkAppId, m) })).trim();
  const channelId =
    given.channelId ?? (await input({ message: q.channelId, default: open ? SIMULATOR_CHANNELS[template] : undefined, validate: checked(validateChannelId, m) })).trim();
  const appId = given.appId ?? (await input({ message: q.appId(TEST_APPID), default: TEST_APPID, validate: checked(validateAppId, m) })).trim();
  const endpoint = !open ? '' : given.endpoint ?? (await input({ message: q.endpoint, default: SIMULATOR_ENDPOINT, validate: checked(validateEndpoint, m) })).trim();
  const typescript = given.typescript ?? (await confirm({ message: q.typescript, default: false }));
  return { directory, packageName: packageNameOf(directory), core, template, sdkAppId, channelId, appId, endpoint, typescript, tests: given.tests ?? true };
}

/** Whether to empty a non-empty target directory; no by default. */
export function askToOverwrite(m: Messages = EN_US): Promise<boolean> {
  return confirm({ message: m.questions.overwrite, default: false });
}
