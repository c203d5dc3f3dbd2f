import { Command, Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import type * as Questions from '../create/ask';
import type { GivenOptions } from '../create/defaults';
import { DEFAULT_DIRECTORY, tcccCoreProblem, withDefaults } from '../create/defaults';
import { helpTextsFor, languageInArgs } from '../create/help-texts';
import type { CoreName, PackageManager, TemplateName, Validator } from '../create/options';
import {
  looksLikeSecret,
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
import { install } from '../create/install';
import type { Messages } from '../create/messages';
import { messagesFor } from '../create/messages';
import { copyLocalPackages, localPackages } from '../create/local-packages';
import { nextSteps } from '../create/next-steps';
import { detectPackageManager, isAvailable } from '../create/package-manager';
import { projectFiles } from '../create/project-files';
import { release } from '../create/release';
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
  tests?: boolean;
  secretKey?: string;
  secretId?: string;
  yes?: boolean;
  overwrite?: boolean;
  skipInstall?: boolean;
  useNpm?: boolean;
  usePnpm?: boolean;
  useYarn?: boolean;
  localPackages?: string;
  lang?: string;
}

function program(): Command {
  const help = helpTextsFor(lang);
  const o = help.options;
  return new Command('create-tccc-miniprogram')
    .description(help.description)
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
    .option('--no-tests', o.noTests)
    // Never used: present so that passing a key gets the explanation rather than "unknown option".
    .addOption(new Option('--secret-key <key>').hideHelp())
    .addOption(new Option('--secret-id <id>').hideHelp())
    // Set by `npm run create` in a clone of the repository: our packages packed there, not from a registry.
    .addOption(new Option('--local-packages <dir>').hideHelp())
    .option('--lang <lang>', o.lang)
    .option('-y, --yes', o.yes)
    .option('--overwrite', o.overwrite)
    .option('--skip-install', o.skipInstall)
    .option('--use-npm', o.useNpm)
    .option('--use-pnpm', o.usePnpm)
    .option('--use-yarn', o.useYarn)
    .showHelpAfterError()
    .configureHelp({ styleTitle: (title) => help.titles[title] ?? title })
    .configureOutput({ outputError: (text, write) => write(`\n${text.split('\n').map((line) => help.error(line) ?? line).join('\n')}`) });
}

/** Flag values checked before anything is asked or written; a secret anywhere is refused first. */
function givenFrom(dir: string | undefined, flags: Flags): GivenOptions {
  if (flags.secretKey !== undefined || flags.secretId !== undefined) throw new UsageError(m.errors.secret);
  const given: GivenOptions = {
    directory: dir,
    core: flags.core as CoreName | undefined,
    template: flags.template as TemplateName | undefined,
    sdkAppId: flags.sdkAppId,
    channelId: flags.channelId,
    appId: flags.appid,
    endpoint: flags.server,
    typescript: flags.typescript,
    tests: flags.tests,
  };
  const checks: Array<[string | undefined, Validator]> = [
    [given.directory, validateDirectory],
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
  const local = flags.localPackages === undefined ? null : localPackages(flags.localPackages, RELEASE);
  if (typeof local === 'string') throw new UsageError(local);
  if (!flags.skipInstall && !isAvailable(manager)) throw new UsageError(managerMissing(manager));
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY && !process.env.CI && !flags.yes);
  const coreProblem = tcccCoreProblem(given, interactive, m);
  if (coreProblem) throw new UsageError(coreProblem);
  // The directory first, and whether it is in use, before any other question.
  const directory = given.directory ?? (interactive ? await questions().askDirectory(m) : DEFAULT_DIRECTORY);
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
  const details = [options.template, ...(options.typescript ? [m.progress.typescript] : []), options.core === 'tccc' ? m.progress.tencentCore : 'open-tccc-wx-sdk'].join(', ');
  process.stdout.write(`\n${m.progress.created(options.packageName, details, target)}\n`);
  const installed = flags.skipInstall ? false : await install(target, manager, m);
  process.stdout.write(nextSteps(options.directory, manager, installed, options.core, m, options.typescript ? 'config.ts' : 'config.js', options.tests !== false));
  return !flags.skipInstall && !installed ? 1 : 0;
}

/** The one message for a package manager that was asked for and does not run here. */
function managerMissing(manager: PackageManager): string {
  const others = (['npm', 'pnpm', 'yarn'] as const).filter((name) => name !== manager).map((name) => `--use-${name}`).join(' / ');
  return m.errors.managerMissing(manager, others);
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
