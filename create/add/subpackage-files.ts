import path from 'node:path';
import type { Language } from '../../dev-server/language';
import type { AppTests } from '../app-tests';
import { DEFAULT_TEST_FILE, appTests } from '../app-tests';
import type { ProjectOptions, PackageManager } from '../options';
import type { ProjectFiles } from '../project-files';
import { NAME_CORE_POSTINSTALL, callDependencies, callPageJson, renderTemplates, sortedFiles, sortedKeys, templateContext, templateSources } from '../project-files';
import type { Release } from '../release';
import { jsonFile } from '../serialize';
import { commandsFor } from '../package-manager';
import { shellQuote } from '../shell-quote';
import { inMiniprogram } from './host-project';

/** Where the subpackage goes: its root (relative to miniprogramRoot) and the host's miniprogramRoot. */
export interface Placement {
  root: string;
  miniprogramRoot: string;
  /** The host's first page, where the printed steps suggest preloading the call. */
  firstPage: string;
}

/** The template folder laid over the others for a subpackage: its README. */
export const SUBPACKAGE_OVERLAY = 'subpackage';

/**
 * Files of a whole app that a subpackage does not take: the host has its app.js and app.wxss, and its own
 * tsconfig.json, which covers the subpackage's TypeScript too.
 */
const APP_LEVEL = new Set(['app.js', 'app.ts', 'app.wxss', 'tsconfig.json']);

/** The call page's path in the app, as wx.navigateTo takes it. */
export function callPageUrl(root: string): string {
  return `/${root}/pages/call/index`;
}

/** The subpackage folder, relative to the project. */
function folderOf(placement: Placement): string {
  return inMiniprogram(placement, placement.root);
}

/** The command that runs the call page's own test from the project folder: in a subshell, so the next command runs there too. */
export function subpackageTestCommand(folder: string, manager: PackageManager): string {
  return `(cd ${shellQuote(folder)} && ${commandsFor(manager).run('test')})`;
}

/**
 * The call page's own test (app-tests.ts), unless --no-tests: in the subpackage (`test/call.test.js`), run
 * there by `npm test` with its tools as the subpackage's dev dependencies, so that the app's own
 * package.json and node_modules stay the app's and `remove` takes it all out with the folder. 构建 npm
 * builds `dependencies` only, so none of the tools reaches the subpackage's miniprogram_npm.
 */
export function subpackageTests(options: ProjectOptions, placement: Placement, templatesDir: string, release: Release, language: Language): AppTests | null {
  if (options.tests === false) return null;
  const { core, template, typescript, channelId, endpoint } = options;
  const target = { core, template, typescript, channelId, endpoint, language, devServer: release.devServer, miniprogramRoot: placement.miniprogramRoot };
  return appTests({ ...target, pagePath: callPageUrl(placement.root).slice(1), testFile: `${folderOf(placement)}/${DEFAULT_TEST_FILE}`, subpackage: placement.root }, templatesDir);
}

/**
 * Every file `add` writes into the subpackage, paths relative to its root: the call page and its config
 * from the same templates as a new app, the subpackage's README, its package.json (its own npm, built
 * into its own miniprogram_npm), the script that names an aliased core and, unless --no-tests, the call
 * page's own test (`tests`, from subpackageTests). The one list of what `add` writes: anything an app
 * gains later joins it here.
 */
export function subpackageFiles(options: ProjectOptions, placement: Placement, templatesDir: string, release: Release, manager: PackageManager, language: Language, tests: AppTests | null): ProjectFiles {
  const sources = templateSources(templatesDir, options.template, options.core, options.typescript, language, [SUBPACKAGE_OVERLAY]).filter(({ target }) => !APP_LEVEL.has(target));
  const context = {
    ...templateContext(options, templatesDir, release, manager, language),
    inSubpackage: true,
    root: placement.root,
    folder: folderOf(placement),
    pageUrl: callPageUrl(placement.root),
    testFromProject: subpackageTestCommand(folderOf(placement), manager),
    firstPage: placement.firstPage,
  };
  const files = renderTemplates(sources, context);
  for (const [file, content] of tests?.files ?? []) files.set(path.posix.relative(folderOf(placement), file), content);
  const packageJson = {
    name: 'tccc-call-subpackage',
    version: '0.1.0',
    private: true,
    description: `The call to a contact center, a subpackage of this mini program (create-tccc-miniprogram add).`,
    scripts: { postinstall: NAME_CORE_POSTINSTALL, ...tests?.scripts },
    dependencies: callDependencies(options.core, release),
    ...(tests ? { devDependencies: sortedKeys(tests.devDependencies), jest: tests.jest, allowScripts: tests.allowScripts } : {}),
  };
  files.set('package.json', jsonFile(packageJson));
  files.set('pages/call/index.json', jsonFile(callPageJson(release, context.media)));
  return sortedFiles(files);
}
