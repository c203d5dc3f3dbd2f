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
import { installExplained } from '../create/install';
import type { Messages } from '../create/messages';
import { madeDetails, messagesFor } from '../create/messages';
import { copyLocalPackages, localPackages } from '../create/local-packages';
import { nextSteps } from '../create/next-steps';
import { detectPackageManager, isAvailable } from '../create/package-manager';
import { projectFiles } from '../create/project-files';
import { release } from '../create/release';
import { acceptedAsItIsNow } from '../create/target-changes';
import { TargetProblem } from '../create/target-problem';
import { AddRefusal } from '../create/add/refusal';
import { runAdd } from '../create/add/run-add';
import { runRemove } from '../create/add/run-remove';
import { emptyDirectory, existingEntries, writeProject } from '../create/write-project';
import { terminalText } from '../dev-server/terminal-text';

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
  defaultDirectory?: string;
  checkOnly?: boolean;
  lang?: string;
}

interface AddFlags extends Omit<Flags, 'appid' | 'overwrite'> {
  root?: string;
  dryRun?: boolean;
}

interface RemoveFlags {
  root?: string;
  dryRun?: boolean;
  lang?: string;
}

/**
 * The options of a call page, alike for a new app and for `add`: where calls go, the template, the ids,
 * the language, the install. A new app also takes --appid and --overwrite; `add` says its own words for
 * --typescript and --no-tests.
 */
function withCallOptions(command: Command, newApp: boolean, own: { typescript: string; noTypescript: string; noTests: string }): Command {
  const help = helpTextsFor(lang);
  const o = help.options;
  command
    .helpOption('-h, --help', o.help)
    .option('--core <core>', o.core)
    .option('-t, --template <name>', o.template)
    .option('--sdk-app-id <id>', o.sdkAppId)
    .option('--channel-id <id>', o.channelId);
  if (newApp) command.option('--appid <appid>', o.appid);
  command
    .option('--server <url>', o.server)
    .option('--typescript', own.typescript)
    .option('--no-typescript', own.noTypescript)
    .option('--no-tests', own.noTests)
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
    .option('-y, --yes', o.yes);
  if (newApp) command.option('--overwrite', o.overwrite);
  command
    .option('--skip-install', o.skipInstall)
    .option('--use-npm', o.useNpm)
    .option('--use-pnpm', o.usePnpm)
    .option('--use-yarn', o.useYarn)
    .showHelpAfterError();
  return inLanguage(command);
}

/** The command's help and commander's own errors in the scaffolder's language, titles and usage line included. */
function inLanguage(command: Command): Command {
  const help = helpTextsFor(lang);
  return command
    .usage(help.usage)
    .configureHelp({ styleTitle: (title) => help.titles[title] ?? title })
    .configureOutput({
      writeOut: (text) => process.stdout.write(help.tidy(text)),
      // The help shown after an error goes to stderr too.
      writeErr: (text) => process.stderr.write(help.tidy(text)),
      outputError: (text, write) => write(`\n${text.split('\n').map((line) => help.error(line) ?? line).join('\n')}`),
    });
}

/** A flag's value as it is checked and used: what an input method types for ASCII read as ASCII, trimmed. */
function normalized<T extends string>(value: string | undefined): T | undefined {
  return value === undefined ? undefined : (normalizeInput(value) as T);
}

function program(): Command {
  const help = helpTextsFor(lang);
  const cli = new Command('create-tccc-miniprogram')
    .description(help.description)
    .version(RELEASE.version, '-v, --version', help.options.version)
    .argument('[dir]', help.dir)
    // Options before a subcommand are the program's; after it, the subcommand's (add --core open).
    .enablePositionalOptions();
  withCallOptions(cli, true, help.options);
  const add = withCallOptions(new Command('add').description(help.add.description).argument('[dir]', help.add.dir), false, help.add)
    .option('--root <dir>', help.add.root)
    .option('--dry-run', help.add.dryRun);
  add.action(async (dir: string | undefined, flags: AddFlags) => {
    process.exitCode = await addTo(dir, flags);
  });
  const remove = inLanguage(
    new Command('remove')
      .description(help.remove.description)
      .argument('[dir]', help.remove.dir)
      .helpOption('-h, --help', help.options.help)
      .option('--root <dir>', help.remove.root)
      .option('--dry-run', help.remove.dryRun)
      .option('--lang <lang>', help.remove.lang),
  );
  remove.action(async (dir: string | undefined, flags: RemoveFlags) => {
    useLanguage(flags.lang);
    process.exitCode = await runRemove(dir ?? '.', { root: flags.root, dryRun: Boolean(flags.dryRun), m, out: (text) => process.stdout.write(text) });
  });
  return cli.addCommand(add).addCommand(remove);
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
    tests: flags.tests,
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
async function targetAccepted(directory: string, existing: string[], overwrite: boolean, interactive: boolean): Promise<boolean> {
  if (existing.length === 0 || overwrite) return true;
  const list = existing.slice(0, 20).map((name) => `  ${terminalText(name)}`).join('\n') + (existing.length > 20 ? `\n${m.progress.andMore(existing.length - 20)}` : '');
  process.stderr.write(`\n${m.progress.notEmpty(directory, list)}\n`);
  if (interactive && (await questions().askToOverwrite(m))) return true;
  process.stderr.write(`${interactive ? m.progress.cancelledNothingChanged : m.progress.nothingChanged}\n`);
  return false;
}

/** --lang, when given, over the terminal's language. */
function useLanguage(value: string | undefined): void {
  if (value === undefined) return;
  const language = parseLanguage(value);
  if (!language) throw new UsageError(m.errors.language(JSON.stringify(value)));
  m = messagesFor(language);
  lang = language;
}

/** What creating and adding both settle before anything else: the language, the flags, the package manager, a clone's packages, whether to ask. */
function settle(dir: string | undefined, flags: Flags) {
  useLanguage(flags.lang);
  const given = givenFrom(dir, flags);
  const manager = packageManagerFrom(flags);
  const local = flags.localPackages === undefined ? null : localPackages(flags.localPackages, RELEASE, m);
  if (typeof local === 'string') throw new UsageError(local);
  if (!flags.skipInstall && !isAvailable(manager)) throw new UsageError(managerMissing(manager));
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY && !process.env.CI && !flags.yes);
  const coreProblem = tcccCoreProblem(given, interactive, m);
  if (coreProblem) throw new UsageError(coreProblem);
  return { given, manager, local, interactive };
}

/** `add [dir]`: the directory is an existing project, so only the call's options are checked here. */
async function addTo(dir: string | undefined, flags: AddFlags): Promise<number> {
  const { given, manager, local, interactive } = settle(undefined, flags);
  // `npm run create -- add` checks the flags before it builds; the project itself is checked by runAdd.
  if (flags.checkOnly) return 0;
  const run = { given, root: flags.root, dryRun: Boolean(flags.dryRun), skipInstall: Boolean(flags.skipInstall || flags.dryRun), interactive, manager, local };
  return runAdd(dir ?? '.', { ...run, templatesDir: TEMPLATES_DIR, release: RELEASE, language: lang, m, questions, out: (text) => process.stdout.write(text) });
}

async function run(dir: string | undefined, flags: Flags): Promise<number> {
  const { given, manager, local, interactive } = settle(dir, flags);
  const defaultDirectory = flags.defaultDirectory ?? DEFAULT_DIRECTORY;
  if (flags.checkOnly) {
    // Nothing is asked on this pass: a directory that will be asked for is checked when it is.
    const known = given.directory ?? (interactive ? undefined : defaultDirectory);
    return known === undefined || interactive || (await targetAccepted(known, existingEntries(path.resolve(known), m), Boolean(flags.overwrite), false)) ? 0 : 1;
  }
  // The directory first, and whether it is in use, before any other question.
  const directory = given.directory ?? (interactive ? await questions().askDirectory(m, defaultDirectory) : defaultDirectory);
  const target = path.resolve(directory);
  const accepted = existingEntries(target, m);
  if (!(await targetAccepted(directory, accepted, Boolean(flags.overwrite), interactive))) return 1;
  const options = interactive ? await questions().askForMissing({ ...given, directory }, m) : withDefaults({ ...given, directory });
  const files = projectFiles(options, TEMPLATES_DIR, local?.release ?? RELEASE, manager, lang);
  const askAgain = (now: string[]) => {
    process.stderr.write(`\n${m.progress.changedMeanwhile(directory)}`);
    return targetAccepted(directory, now, false, interactive);
  };
  if (!flags.overwrite && !(await acceptedAsItIsNow(target, accepted, askAgain, m))) return 1;

  if (existingEntries(target, m).length > 0) {
    if (!fs.statSync(target).isDirectory()) throw new UsageError(m.errors.isAFile(options.directory));
    emptyDirectory(target, m);
  }

  writeProject(target, files, m);
  if (local) copyLocalPackages(target, local.copies, m);
  const details = madeDetails(m, options);
  const folder = folderNameOf(options.directory);
  process.stdout.write(`\n${m.progress.created(folder, details, terminalText(target))}\n`);
  if (options.packageName !== folder) process.stdout.write(`${m.progress.packageNamed(options.packageName)}\n`);
  const outcome = flags.skipInstall ? 'skipped' : (await installExplained(target, manager, options.core, m, (text) => process.stdout.write(text), 'create')) ? 'done' : 'failed';
  process.stdout.write(nextSteps({ dir: options.directory, manager, install: outcome, core: options.core, template: options.template, configFile: options.typescript ? 'config.ts' : 'config.js', tests: options.tests !== false }, m));
  return outcome === 'failed' ? 1 : 0;
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
    } else if (error instanceof UsageError || error instanceof TargetProblem || error instanceof AddRefusal) {
      process.stderr.write(`\n${error.message}\n`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  }
}

void main();
