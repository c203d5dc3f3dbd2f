import ejs from 'ejs';
import fs from 'node:fs';
import path from 'node:path';
import type { CoreName, PackageManager, ProjectOptions, TemplateName } from './options';
import { commandsFor } from './package-manager';
import { SIMULATOR_CHANNELS, TEST_APPID, folderNameOf } from './options';
import type { Language } from '../dev-server/language';
import type { AppTests } from './app-tests';
import { DEFAULT_TEST_FILE, appTests } from './app-tests';
import type { ConfigComment } from './config-comments';
import { CONFIG_COMMENTS } from './config-comments';
import { LOCAL_PACKAGES_DIR } from './local-packages';
import type { Release } from './release';
import { TENCENT_CORE, TYPESCRIPT, TYPINGS, coreDependency } from './release';
import { jsString, jsonFile, markdownText } from './serialize';

export interface TemplateManifest {
  /** Which calls the screen offers: the call screen's `media`. */
  media: 'audio' | 'video' | 'both';
  description: string;
}

/** Files stored under another name in templates/, because npm drops or acts on the real one. */
const RENAMED: Record<string, string> = { _gitignore: '.gitignore' };

/** Each generated file, path (posix, relative to the project) to content. */
export type ProjectFiles = Map<string, string>;

function walk(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

export function readManifest(templatesDir: string, template: TemplateName): TemplateManifest {
  return JSON.parse(fs.readFileSync(path.join(templatesDir, template, 'template.json'), 'utf8')) as TemplateManifest;
}

/**
 * The template files of a project, common/, then the core's (core-open/ or core-tccc/, where there is one),
 * then the template's own folder, then for TypeScript lang-ts/ and lang-ts-core-<core>/, then any overlays: where each is read
 * from (under templatesDir) and the path it is written to in the project. In TypeScript a `.ts` file takes
 * the place of the `.js` file of the same name.
 */
export function templateSources(
  templatesDir: string,
  template: TemplateName,
  core: CoreName = 'open',
  typescript = false,
  language: Language = 'en-US',
  /** Folders laid over all the others (subpackage/ for `add`). */
  overlays: string[] = [],
): Array<{ source: string; target: string }> {
  const languageFolders = typescript ? ['lang-ts', `lang-ts-core-${core}`] : [];
  const folders = ['common', `core-${core}`, template, ...languageFolders, ...overlays].filter((folder) => fs.existsSync(path.join(templatesDir, folder)));
  const all = folders.flatMap((folder) =>
    walk(path.join(templatesDir, folder))
      .filter((file) => file !== 'template.json')
      .map((file) => ({ source: path.join(templatesDir, folder, file), file })),
  );
  // A file tagged with a language (README.zh-CN.md.ejs) is for that language only, and takes the untagged one's place.
  const inLanguage = all.filter(({ file }) => [language, undefined].includes(languageTagOf(file)));
  const tagged = new Set(inLanguage.filter(({ file }) => languageTagOf(file) === language).map(({ file }) => targetPathOf(file)));
  const sources = inLanguage
    .filter(({ file }) => languageTagOf(file) === language || !tagged.has(targetPathOf(file)))
    .map(({ source, file }) => ({ source, target: targetPathOf(file) }));
  const targets = new Set(sources.map(({ target }) => target));
  return sources.filter(({ target }) => !(target.endsWith('.js') && targets.has(target.replace(/\.js$/, '.ts'))));
}

const LANGUAGE_TAG = /\.(zh-CN|en-US)(?=\.)/;

function languageTagOf(file: string): Language | undefined {
  return LANGUAGE_TAG.exec(path.posix.basename(file))?.[1] as Language | undefined;
}

/** The target path of a template file: `.ejs` and a language tag dropped, stored names restored. */
export function targetPathOf(templatePath: string): string {
  const withoutEjs = templatePath.replace(/\.ejs$/, '').replace(LANGUAGE_TAG, '');
  const base = path.posix.basename(withoutEjs);
  return RENAMED[base] ? path.posix.join(path.posix.dirname(withoutEjs), RENAMED[base]).replace(/^\.\//, '') : withoutEjs;
}

/** What the templates are rendered with: the options, the release's packages, the commands of the package manager, the language. */
export function templateContext(options: ProjectOptions, templatesDir: string, release: Release, manager: PackageManager = 'npm', language: Language = 'en-US') {
  const manifest = readManifest(templatesDir, options.template);
  const commands = commandsFor(manager);
  return {
    ...options,
    folderName: folderNameOf(options.directory),
    isOpen: options.core === 'open',
    kitName: release.kit.name,
    openCoreDependency: coreDependency('open', release),
    devServerRange: release.devServer.range,
    coreDependency: coreDependency(options.core, release),
    tencentCoreRange: TENCENT_CORE.range,
    installCommand: commands.install.text,
    simulatorCommand: commands.run('simulator'),
    // The one spelling of "the simulator, reachable from the LAN" (the simulator's banner prints the same).
    simulatorOnLanCommand: commands.run('simulator', ['--host', '0.0.0.0']),
    typecheckCommand: commands.run('typecheck'),
    // The simulator channel that takes the calls of this template (for switching a tccc app to the open core).
    simulatorChannelId: SIMULATOR_CHANNELS[options.template],
    media: manifest.media,
    js: jsString,
    md: markdownText,
    isTestAppId: options.appId === TEST_APPID,
    configFile: options.typescript ? 'config.ts' : 'config.js',
    appFile: options.typescript ? 'app.ts' : 'app.js',
    fromLocalPackages: release.kit.range.startsWith('file:'),
    // The call page in a subpackage of an existing app (`add`), which has no app.js of ours.
    inSubpackage: false,
    // The app's own test (app-tests.ts), unless --no-tests.
    tests: options.tests !== false,
    testFile: DEFAULT_TEST_FILE,
    testCommand: commands.run('test'),
    // The comments of config.js / config.ts, in the scaffolder's language; each line after the first indented as the first is.
    comment: (key: ConfigComment, indent = '') => CONFIG_COMMENTS[language][key].split('\n').join(`\n${indent}`),
  };
}

export type TemplateContext = ReturnType<typeof templateContext>;

/** Template files copied, or rendered with ejs when they end in .ejs. */
export function renderTemplates(sources: Array<{ source: string; target: string }>, context: TemplateContext & Record<string, unknown>): ProjectFiles {
  const files: ProjectFiles = new Map();
  for (const { source, target } of sources) {
    const text = fs.readFileSync(source, 'utf8');
    // Templates print values only through js() (a string literal) or md() (inert Markdown text).
    files.set(target, source.endsWith('.ejs') ? ejs.render(text, context, { filename: source }) : text);
  }
  return files;
}

/** Paths sorted, so a project is written and listed in one order. */
export function sortedFiles(files: ProjectFiles): ProjectFiles {
  return new Map([...files.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Everything the project holds. Template files (common/, then the template's own folder over it) are
 * copied or rendered with ejs; the JSON files are built here as objects, never from text templates.
 */
export function projectFiles(options: ProjectOptions, templatesDir: string, release: Release, manager: PackageManager = 'npm', language: Language = 'en-US'): ProjectFiles {
  const manifest = readManifest(templatesDir, options.template);
  const sources = templateSources(templatesDir, options.template, options.core, options.typescript, language);
  const files = renderTemplates(sources, templateContext(options, templatesDir, release, manager, language));
  const tests = testsOf(options, templatesDir, release, language);
  for (const [file, content] of tests?.files ?? []) files.set(file, content);
  const json = jsonFiles(options, manifest, release, tests);
  for (const file of GENERATED_JSON_FILES) files.set(file, jsonFile(json[file]));
  return sortedFiles(files);
}

/** The app's own test, unless `--no-tests` (see app-tests.ts). */
function testsOf(options: ProjectOptions, templatesDir: string, release: Release, language: Language): AppTests | null {
  if (options.tests === false) return null;
  return appTests(
    {
      core: options.core,
      template: options.template,
      typescript: options.typescript,
      miniprogramRoot: '',
      pagePath: 'pages/call/index',
      channelId: options.channelId,
      endpoint: options.endpoint,
      devServer: release.devServer,
      language,
    },
    templatesDir,
  );
}

/** A project made from a clone keeps our tarballs in local-packages/: they are for npm, not for the upload. */
function localPackagesIgnore(release: Release): Array<{ type: string; value: string }> {
  return release.kit.range.startsWith('file:') ? [{ type: 'folder', value: LOCAL_PACKAGES_DIR }] : [];
}

/** The packages a call page needs: the kit (which brings @vant/weapp) and the core under the name the doc uses. */
export function callDependencies(core: CoreName, release: Release): Record<string, string> {
  return { [release.kit.name]: release.kit.range, 'tccc-wx-sdk': coreDependency(core, release) };
}

/** See scripts/name-core.js (WeChat's 构建 npm and the npm alias of our core; a no-op on Tencent's). */
export const NAME_CORE_POSTINSTALL = 'node scripts/name-core.js';

/** The files built as objects rather than from templates/. */
export const GENERATED_JSON_FILES = ['package.json', 'project.config.json', 'app.json', 'theme.json', 'sitemap.json', 'pages/call/index.json'];

/**
 * package.json for the chosen core. Both install the core under the name the doc uses, `tccc-wx-sdk`
 * (ours through an npm alias), and the UI kit, which brings @vant/weapp; only the open core has the
 * simulator, as a development tool.
 */
function packageJson(options: ProjectOptions, manifest: TemplateManifest, release: Release, tests: AppTests | null): Record<string, unknown> {
  const common = { name: options.packageName, version: '0.1.0', private: true, description: manifest.description };
  const dependencies = callDependencies(options.core, release);
  const postinstall = NAME_CORE_POSTINSTALL;
  // WeChat DevTools compiles the TypeScript itself as it builds; `npm run typecheck` checks it with the project's own compiler.
  const typings = options.typescript ? { [TYPINGS.name]: TYPINGS.range, [TYPESCRIPT.name]: TYPESCRIPT.range } : {};
  const typecheck = options.typescript ? { typecheck: 'tsc -p .' } : {};
  const simulator = options.core === 'open' ? { [release.devServer.name]: release.devServer.range } : {};
  // The app's own test (unless --no-tests): its tools as dev dependencies, `npm test`, the testing entry's preset.
  const devDependencies = sortedKeys({ ...simulator, ...typings, ...tests?.devDependencies });
  return {
    ...common,
    scripts: { ...(options.core === 'open' ? { simulator: 'tccc-dev-server' } : {}), ...tests?.scripts, postinstall, ...typecheck },
    dependencies,
    ...(Object.keys(devDependencies).length > 0 ? { devDependencies } : {}),
    ...(tests ? { jest: tests.jest, allowScripts: tests.allowScripts } : {}),
  };
}

/** As npm writes dependency lists: by name. */
export function sortedKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

function jsonFiles(options: ProjectOptions, manifest: TemplateManifest, release: Release, tests: AppTests | null): Record<string, unknown> {
  const video = manifest.media !== 'audio';
  return {
    'package.json': packageJson(options, manifest, release, tests),
    'project.config.json': {
      description: manifest.description,
      appid: options.appId,
      // DevTools' name for the project: the folder's own, Chinese included (package.json's is npm's).
      projectname: folderNameOf(options.directory),
      compileType: 'miniprogram',
      miniprogramRoot: '',
      libVersion: 'latest',
      // scripts/ holds Node scripts for the install, not mini program code.
      packOptions: { ignore: [{ type: 'file', value: 'README.md' }, { type: 'folder', value: 'scripts' }, ...(tests?.packIgnore ?? []), ...localPackagesIgnore(release)], include: [] },
      setting: {
        es6: true,
        enhance: true,
        postcss: true,
        minified: true,
        // WeChat's code-quality check (and its upload) asks for these two as well as minified JS.
        minifyWXML: true,
        minifyWXSS: true,
        urlCheck: true,
        packNpmManually: false,
        ignoreUploadUnusedFiles: true,
        // DevTools compiles the .ts files to .js as it builds (the TypeScript compiler plugin).
        ...(options.typescript ? { useCompilerPlugins: ['typescript'] } : {}),
      },
      editorSetting: { tabIndent: 'insertSpaces', tabSize: 2 },
    },
    'app.json': {
      pages: ['pages/call/index'],
      window: {
        navigationBarTitleText: video ? '视频客服' : '语音客服',
        navigationBarBackgroundColor: '@navBackground',
        navigationBarTextStyle: '@navText',
        backgroundColor: '@background',
      },
      // Keeps an audio call going while the app is in the background.
      requiredBackgroundModes: ['audio'],
      // WeChat's privacy check (base library 2.32.3+; opt-in until it applied to every app): the call screen's
      // consent asks for the user's agreement to the privacy guide before the microphone is used.
      __usePrivacyCheck__: true,
      darkmode: true,
      themeLocation: 'theme.json',
      style: 'v2',
      sitemapLocation: 'sitemap.json',
      lazyCodeLoading: 'requiredComponents',
    },
    'theme.json': {
      light: { navBackground: '#f5f6f8', navText: 'black', background: '#f5f6f8' },
      dark: { navBackground: '#111215', navText: 'white', background: '#111215' },
    },
    'sitemap.json': { rules: [{ action: 'disallow', page: '*' }] },
    'pages/call/index.json': callPageJson(release, manifest.media),
  };
}

/** The call page's JSON: the kit's call screen; for audio calls alone, its variant without the video panel (a smaller app). */
export function callPageJson(release: Release, media: TemplateManifest['media']): Record<string, unknown> {
  const screen = media === 'audio' ? 'call-screen/audio' : 'call-screen';
  return { navigationStyle: 'default', usingComponents: { 'tccc-call-screen': `${release.kit.name}/${screen}` } };
}
