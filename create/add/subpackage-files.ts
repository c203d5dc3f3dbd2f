import type { Language } from '../../dev-server/language';
import type { ProjectOptions, PackageManager } from '../options';
import type { ProjectFiles } from '../project-files';
import { NAME_CORE_POSTINSTALL, callDependencies, callPageJson, renderTemplates, sortedFiles, templateContext, templateSources } from '../project-files';
import type { Release } from '../release';
import { jsonFile } from '../serialize';

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

/**
 * Every file `add` writes into the subpackage, paths relative to its root: the call page and its config
 * from the same templates as a new app, the subpackage's README, its package.json (its own npm, built
 * into its own miniprogram_npm) and the script that names an aliased core. The one list of what `add`
 * writes: anything an app gains later joins it here.
 */
export function subpackageFiles(options: ProjectOptions, placement: Placement, templatesDir: string, release: Release, manager: PackageManager, language: Language): ProjectFiles {
  const sources = templateSources(templatesDir, options.template, options.core, options.typescript, language, [SUBPACKAGE_OVERLAY]).filter(({ target }) => !APP_LEVEL.has(target));
  const context = {
    ...templateContext(options, templatesDir, release, manager, language),
    inSubpackage: true,
    root: placement.root,
    folder: placement.miniprogramRoot ? `${placement.miniprogramRoot}/${placement.root}` : placement.root,
    pageUrl: callPageUrl(placement.root),
    firstPage: placement.firstPage,
  };
  const files = renderTemplates(sources, context);
  const packageJson = {
    name: 'tccc-call-subpackage',
    version: '0.1.0',
    private: true,
    description: `The call to a contact center, a subpackage of this mini program (create-tccc-miniprogram add).`,
    scripts: { postinstall: NAME_CORE_POSTINSTALL },
    dependencies: callDependencies(options.core, release),
  };
  files.set('package.json', jsonFile(packageJson));
  files.set('pages/call/index.json', jsonFile(callPageJson(release)));
  return sortedFiles(files);
}
