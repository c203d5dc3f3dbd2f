import { Command, Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import type * as Questions from '../create/ask';
import type { GivenOptions } from '../create/defaults';
import { DEFAULT_DIRECTORY, tcccCoreProblem, withDefaults } from '../create/defaults';
import { helpTextsFor, languageInArgs } from '../create/help-texts';
import type { CoreName, PackageManager, TemplateName, Validator } from '../create/options';
import {
  folderNameOf,
  looksLikeSecret,
  normalizeInput,
  validateAppId,
  validateChannelId,
  validateCore,
  validateDirectory,
  validateEndpoint,
  validateSdkAppId,
  validateTemplate,
} from '../create/options';
import type { Language } from '../dev-server/language';
import { currentTerminalLanguage, parseLanguage } from '../dev-server/language';
import { install, registryWithout } from '../create/install';
import type { Messages } from '../create/messages';
import { messagesFor } from '../create/messages';
import { copyLocalPackages, localPackages } from '../create/local-packages';
import type { InstallOutcome } from '../create/next-steps';
import { nextSteps } from '../create/next-steps';
import { detectPackageManager, isAvailable } from '../create/package-manager';
import { projectFiles } from '../create/project-files';
import { TENCENT_CORE, release } from '../create/release';
import { TargetProblem } from '../create/target-problem';
import { emptyDirectory, existingEntries, writeProject } from '../create/write-project';

// Beside this bundle: templates/. The packages of the release it belongs to are fixed by the build.
const HERE = __dirname;
const TEMPLATES_DIR = path.join(HERE, 'templates');
const RELEASE = release();

class UsageError extends Error {}

/** The language everything is said in: the terminal's, until --lang says otherwise. */
let lang: Language = languageInArgs(process.argv.slice(2)) ?? currentTerminalLanguage();
let m: Messages = messagesFor(lang);

/** The questions live in ask.js beside this bundle, loaded only when there is someone to ask. */
function questions(): typeof Questions {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(HERE, 'ask.js')) as typeof Questions;
}

interface Flags {
  core?: string;
  template?: string;
  sdkAppId?: string;
  channelId?: string;
  appid?: string;
  server?: string;
  typescript?: boolean;
  secretKey?: string;
  secretId?: string;
  yes?: boolean;
  overwrite?: boolean;
  skipInstall?: boolean;
  useNpm?: boolean;
  usePnpm?: boolean;
  useYarn?: boolean;
  localPackages?: string;
  defaultDirectory?: string;
  checkOnly?: boolean;
  lang?: string;
}

function program(): Command {
  const help = helpTextsFor(lang);
  const o = help.options;
  return new Command('create-tccc-miniprogram')
    .description(help.description)
    .usage(help.usage)
    .version(RELEASE.version, '-v, --version', o.version)
    .helpOption('-h, --help', o.help)
    .argument('[dir]', help.dir)
    .option('--core <core>', o.core)
    .option('-t, --template <name>', o.template)
    .option('--sdk-app-id <id>', o.sdkAppId)
    .option('--channel-id <id>', o.channelId)
    .option('--appid <appid>', o.appid)
    .option('--server <url>', o.server)
    .option('--typescript', o.typescript)
    .option('--no-typescript', o.noTypescript)
    // Never used: present so that passing a key gets the explanation rather than "unknown option".
    .addOption(new Option('--secret-key <key>').hideHelp())
    .addOption(new Option('--secret-id <id>').hideHelp())
    // Set by `npm run create` in a clone of the repository: our packages packed there, not from a registry.
    .addOption(new Option('--local-packages <dir>').hideHelp())
    // Also set by `npm run create`: the default directory (beside the clone, not inside it), and a first pass
    // that only checks the arguments, so a mistake is told before the clone's packages are built.
    .addOption(new Option('--default-directory <dir>').hideHelp())
    .addOption(new Option('--check-only').hideHelp())
    .option('--lang <lang>', o.lang)
    .option('-y, --yes', o.yes)
    .option('--overwrite', o.overwrite)
    .option('--skip-install', o.skipInstall)
    .option('--use-npm', o.useNpm)
    .option('--use-pnpm', o.usePnpm)
    .option('--use-yarn', o.useYarn)
    .showHelpAfterError()
    .configureHelp({ styleTitle: (title) => help.titles[title] ?? title })
    .configureOutput({
      writeOut: (text) => process.stdout.write(help.tidy(text)),
      outputError: (text, write) => write(`\n${text.split('\n').map((line) => help.error(line) ?? line).join('\n')}`),
    });
}

/** A flag's value as it is checked and used: what an input method types for ASCII read as ASCII, trimmed. */
function normalized<T extends string>(value: string | undefined): T | undefined {
  return value === undefined ? undefined : (normalizeInput(value) as T);
}

/** Flag values checked before anything is asked or written; a secret anywhere is refused first. */
function givenFrom(dir: string | undefined, flags: Flags): GivenOptions {
  if (flags.secretKey !== undefined || flags.secretId !== undefined) throw new UsageError(m.errors.secret);
  const given: GivenOptions = {
    directory: dir?.trim(),
    core: normalized<CoreName>(flags.core),
    template: normalized<TemplateName>(flags.template),
    sdkAppId: normalized(flags.sdkAppId),
    channelId: normalized(flags.channelId),
    appId: normalized(flags.appid),
    endpoint: normalized(flags.server),
    typescript: flags.typescript,
  };
  const checks: Array<[string | undefined, Validator]> = [
    [given.directory, validateDirectory],
    [flags.defaultDirectory, validateDirectory],
    [given.core, validateCore],
    [given.template, validateTemplate],
    [given.sdkAppId, validateSdkAppId],
    [given.channelId, validateChannelId],
    [given.appId, validateAppId],
    [given.endpoint, validateEndpoint],
  ];
  for (const [value, validate] of checks) {
    if (value === undefined) continue;
    if (looksLikeSecret(value)) throw new UsageError(m.errors.secret);
    const problem = validate(value, m);
    if (problem) throw new UsageError(problem);
  }
  return given;
}

function packageManagerFrom(flags: Flags): PackageManager {
  const chosen = (['npm', 'pnpm', 'yarn'] as const).filter((name) => flags[`use${name[0].toUpperCase()}${name.slice(1)}` as 'useNpm']);
  if (chosen.length > 1) throw new UsageError(m.errors.oneManager);
  return chosen[0] ?? detectPackageManager();
}

/**
 * A target that is not empty: listed, then (in a terminal) the question whether to empty it. Resolves
 * whether to go on; it is emptied only once every question is answered, just before the files are written.
 */
async function targetAccepted(directory: string, target: string, overwrite: boolean, interactive: boolean): Promise<boolean> {
  const existing = existingEntries(target);
  if (existing.length === 0 || overwrite) return true;
  const list = existing.slice(0, 20).map((name) => `  ${name}`).join('\n') + (existing.length > 20 ? `\n${m.progress.andMore(existing.length - 20)}` : '');
  process.stderr.write(`\n${m.progress.notEmpty(directory, list)}\n`);
  if (interactive && (await questions().askToOverwrite(m))) return true;
  process.stderr.write(`${interactive ? m.progress.cancelledNothingChanged : m.progress.nothingChanged}\n`);
  return false;
}

async function run(dir: string | undefined, flags: Flags): Promise<number> {
  if (flags.lang !== undefined) {
    const language = parseLanguage(flags.lang);
    if (!language) throw new UsageError(m.errors.language(JSON.stringify(flags.lang)));
    m = messagesFor(language);
    lang = language;
  }
  const given = givenFrom(dir, flags);
  const manager = packageManagerFrom(flags);
  const local = flags.localPackages === undefined ? null : localPackages(flags.localPackages, RELEASE, m);
  if (typeof local === 'string') throw new UsageError(local);
  if (!flags.skipInstall && !isAvailable(manager)) throw new UsageError(managerMissing(manager));
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY && !process.env.CI && !flags.yes);
  const coreProblem = tcccCoreProblem(given, interactive, m);
  if (coreProblem) throw new UsageError(coreProblem);
  const defaultDirectory = flags.defaultDirectory ?? DEFAULT_DIRECTORY;
  if (flags.checkOnly) {
    // Nothing is asked on this pass: a directory that will be asked for is checked when it is.
    const known = given.directory ?? (interactive ? undefined : defaultDirectory);
    return known === undefined || interactive || (await targetAccepted(known, path.resolve(known), Boolean(flags.overwrite), false)) ? 0 : 1;
  }
  // The directory first, and whether it is in use, before any other question.
  const directory = given.directory ?? (interactive ? await questions().askDirectory(m, defaultDirectory) : defaultDirectory);
  const target = path.resolve(directory);
  if (!(await targetAccepted(directory, target, Boolean(flags.overwrite), interactive))) return 1;
  const options = interactive ? await questions().askForMissing({ ...given, directory }, m) : withDefaults({ ...given, directory });
  const files = projectFiles(options, TEMPLATES_DIR, local?.release ?? RELEASE, manager, lang);

  if (existingEntries(target).length > 0) {
    if (!fs.statSync(target).isDirectory()) throw new UsageError(m.errors.isAFile(options.directory));
    emptyDirectory(target);
  }

  writeProject(target, files);
  if (local) copyLocalPackages(target, local.copies);
  const details = [options.template, ...(options.typescript ? [m.progress.typescript] : []), options.core === 'tccc' ? m.progress.tencentCore : 'open-tccc-wx-sdk'].join(m.listSeparator);
  const folder = folderNameOf(options.directory);
  process.stdout.write(`\n${m.progress.created(folder, details, target)}\n`);
  if (options.packageName !== folder) process.stdout.write(`${m.progress.packageNamed(options.packageName)}\n`);
  const outcome = flags.skipInstall ? 'skipped' : await installed(target, manager, options.core);
  process.stdout.write(nextSteps({ dir: options.directory, manager, install: outcome, core: options.core, template: options.template, configFile: options.typescript ? 'config.ts' : 'config.js' }, m));
  return outcome === 'failed' ? 1 : 0;
}

/** The install, and when it could not get Tencent's core: why, what to check, and what works now. */
async function installed(target: string, manager: PackageManager, core: CoreName): Promise<InstallOutcome> {
  const result = await install(target, manager, m);
  if (result.ok) return 'done';
  const registry = core === 'tccc' ? registryWithout(result.output, TENCENT_CORE.name) : null;
  if (registry) process.stdout.write(`\n${m.progress.tencentCoreMissing(registry, `npm view ${TENCENT_CORE.name} version --registry ${registry}`).join('\n')}\n`);
  return 'failed';
}

/** The one message for a package manager that was asked for and does not run here. */
function managerMissing(manager: PackageManager): string {
  return m.errors.managerMissing(manager, (['npm', 'pnpm', 'yarn'] as const).filter((name) => name !== manager).map((name) => `--use-${name}`));
}

async function main(): Promise<void> {
  const cli = program();
  cli.action(async (dir: string | undefined, flags: Flags) => {
    process.exitCode = await run(dir, flags);
  });
  try {
    await cli.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') {
      process.stderr.write(`\n${m.progress.cancelled}\n`);
      process.exitCode = 130;
    } else if (error instanceof UsageError || error instanceof TargetProblem) {
      process.stderr.write(`\n${error.message}\n`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  }
}

void main();
