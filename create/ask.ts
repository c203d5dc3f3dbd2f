import { input, select } from '@inquirer/prompts';
import type { GivenOptions } from './defaults';
import type { Messages } from './messages';
import { EN_US } from './messages';
import { DEFAULT_CORE, DEFAULT_DIRECTORY } from './defaults';
import type { CoreName, ProjectOptions, TemplateName, Validator } from './options';
import { yesNoPrompt } from './yes-no';
import {
  SIMULATOR_CHANNELS,
  SIMULATOR_ENDPOINT,
  SIMULATOR_SDK_APP_ID,
  TEST_APPID,
  looksLikeSecret,
  normalizeInput,
  packageNameOf,
  validateAppId,
  validateChannelId,
  validateDirectory,
  validateEndpoint,
  validateSdkAppId,
} from './options';

/** Validation as the prompts run it, in the user's language: a secret is refused with the reason before anything else. */
function checked(validator: Validator, m: Messages, normalize: (value: string) => string = normalizeInput): (value: string) => string | true {
  return (value) => (looksLikeSecret(normalize(value)) ? m.errors.secret : validator(normalize(value), m) ?? true);
}

/** A value typed at a prompt, read as the flags are (full-width digits and spaces from an input method as ASCII). */
async function typed(question: Promise<string>): Promise<string> {
  return normalizeInput(await question);
}

/** A yes/no question that takes 是/否 as well as y/n, and echoes the answer in the user's words (是/否, Yes/No). */
function yesNo(message: string, m: Messages): Promise<boolean> {
  return yesNoPrompt({ message, default: false, yes: m.questions.yes, no: m.questions.no, unclear: m.questions.yesNoUnclear });
}

// The questions, in a bundle of their own (dist/create-tccc-miniprogram/ask.js): @inquirer/prompts is most
// of the scaffolder's weight, and a run with --yes or outside a terminal never loads it.

/** The first question, so that a directory in use is found before any other is asked. A folder name is only trimmed. */
export async function askDirectory(m: Messages = EN_US, defaultDirectory = DEFAULT_DIRECTORY): Promise<string> {
  const trim = (value: string) => value.trim();
  return trim(await input({ message: m.questions.directory, default: defaultDirectory, validate: checked(validateDirectory, m, trim) }));
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
    (await typed(input({ message: open ? q.sdkAppIdOpen : q.sdkAppIdTccc, default: open ? SIMULATOR_SDK_APP_ID : undefined, validate: checked(validateSdkAppId, m) })));
  const channelId =
    given.channelId ?? (await typed(input({ message: q.channelId, default: open ? SIMULATOR_CHANNELS[template] : undefined, validate: checked(validateChannelId, m) })));
  const appId = given.appId ?? (await typed(input({ message: q.appId(TEST_APPID), default: TEST_APPID, validate: checked(validateAppId, m) })));
  const endpoint = !open ? '' : given.endpoint ?? (await typed(input({ message: q.endpoint, default: SIMULATOR_ENDPOINT, validate: checked(validateEndpoint, m) })));
  const typescript = given.typescript ?? (await yesNo(q.typescript, m));
  return { directory, packageName: packageNameOf(directory), core, template, sdkAppId, channelId, appId, endpoint, typescript, tests: given.tests ?? true };
}

/** Whether to empty a non-empty target directory; no by default. */
export function askToOverwrite(m: Messages = EN_US): Promise<boolean> {
  return yesNo(m.questions.overwrite, m);
}
