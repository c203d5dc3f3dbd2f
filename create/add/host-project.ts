import fs from 'node:fs';
import path from 'node:path';
import type { Messages } from '../messages';
import { withTargetProblems } from '../target-problem';
import { AddRefusal } from './refusal';

/** A JSON file of the host, as text (what is restored byte for byte) and parsed. */
export interface JsonText<T = Record<string, unknown>> {
  /** Posix path relative to the project folder. */
  file: string;
  text: string;
  json: T;
}

export interface AppJson {
  pages?: string[];
  subPackages?: Array<{ root?: string; pages?: string[] }>;
  subpackages?: Array<{ root?: string; pages?: string[] }>;
  [key: string]: unknown;
}

/** An existing mini program project, as `add` and `remove` find it. */
export interface HostProject {
  /** The project folder, where project.config.json is (absolute). */
  dir: string;
  /** project.config.json's miniprogramRoot, posix, without ./ or a final /: '' or e.g. 'miniprogram'. */
  miniprogramRoot: string;
  projectConfig: JsonText;
  appJson: JsonText<AppJson>;
  /** The root package.json; null when there is none. Its JSON is null when it does not parse. */
  packageJson: { file: string; text: string; json: Record<string, unknown> | null } | null;
  /** Written in TypeScript: DevTools' TypeScript plugin is on, or app.ts is there. */
  typescript: boolean;
  /** 构建 npm builds only the packNpmRelationList of project.config.json. */
  packNpmManually: boolean;
  appId: string;
}

export const PROJECT_CONFIG = 'project.config.json';

/** A host file's text; a file the filesystem refuses is told in the user's words (a TargetProblem). */
function readText(file: string, m: Messages): string {
  return withTargetProblems('use', m, () => fs.readFileSync(file, 'utf8'));
}

function readJson<T>(dir: string, file: string, m: Messages): JsonText<T> {
  const text = readText(path.join(dir, ...file.split('/')), m);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AddRefusal(m.add.unparsable(file, (error as Error).message));
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new AddRefusal(m.add.unparsable(file, m.add.notAnObject));
  return { file, text, json: json as T };
}

/** The nearest folder above `dir` that holds a project.config.json, if any. */
function projectAbove(dir: string): string | null {
  for (let at = path.dirname(dir); at !== path.dirname(at); at = path.dirname(at)) {
    if (fs.existsSync(path.join(at, PROJECT_CONFIG))) return at;
  }
  return null;
}

/** miniprogramRoot as a clean relative posix path; null when it leaves the project. */
export function cleanRoot(value: string): string | null {
  const posix = value.replace(/\\/g, '/');
  if (path.posix.isAbsolute(posix) || /^[A-Za-z]:/.test(posix)) return null;
  const normal = path.posix.normalize(posix === '' ? '.' : posix).replace(/\/+$/, '');
  if (normal === '..' || normal.startsWith('../')) return null;
  return normal === '.' ? '' : normal;
}

/** Posix path of `file` in the project, under miniprogramRoot. */
export function inMiniprogram(host: Pick<HostProject, 'miniprogramRoot'>, file: string): string {
  return host.miniprogramRoot ? `${host.miniprogramRoot}/${file}` : file;
}

/**
 * What made the mini program, when it is the output of a framework's build (uni-app, Taro): edits there
 * are lost at its next build. Null for a native mini program.
 */
export function builtBy(dir: string, miniprogramRoot: string, packageJson: Record<string, unknown> | null): string | null {
  const has = (file: string) => fs.existsSync(path.join(dir, miniprogramRoot, file));
  const dependencies = { ...(packageJson?.dependencies as object | undefined), ...(packageJson?.devDependencies as object | undefined) };
  const depends = (prefix: string) => Object.keys(dependencies).some((name) => name.startsWith(prefix));
  if (has('taro.js') || (has('base.wxml') && has('comp.js')) || depends('@tarojs/')) return 'Taro';
  if ((has('common/vendor.js') && has('common/runtime.js')) || depends('@dcloudio/') || /[\\/]unpackage[\\/]dist[\\/]/.test(`${dir}${path.sep}`)) return 'uni-app';
  return null;
}

function usesTypeScript(dir: string, miniprogramRoot: string, projectConfig: Record<string, unknown>): boolean {
  const setting = (projectConfig.setting ?? {}) as { useCompilerPlugins?: unknown };
  const plugins = Array.isArray(setting.useCompilerPlugins) ? setting.useCompilerPlugins : [];
  const typescriptPlugin = plugins.some((plugin) => plugin === 'typescript' || (Array.isArray(plugin) && plugin[0] === 'typescript'));
  return typescriptPlugin || fs.existsSync(path.join(dir, miniprogramRoot, 'app.ts'));
}

/** Reads the project at `dir`, or refuses with the reason: not a mini program, JSON that does not parse, a framework's build output. */
export function readHost(dir: string, m: Messages): HostProject {
  if (!fs.existsSync(path.join(dir, PROJECT_CONFIG))) {
    const above = fs.existsSync(dir) ? projectAbove(dir) : null;
    throw new AddRefusal(above ? m.add.runAtProjectRoot(dir, above) : m.add.notAMiniProgram(dir));
  }
  const projectConfig = readJson<Record<string, unknown>>(dir, PROJECT_CONFIG, m);
  const { compileType, miniprogramRoot: rootValue = '' } = projectConfig.json as { compileType?: unknown; miniprogramRoot?: unknown };
  if (compileType !== undefined && compileType !== 'miniprogram') throw new AddRefusal(m.add.notMiniprogramType(String(compileType)));
  const miniprogramRoot = typeof rootValue === 'string' ? cleanRoot(rootValue) : null;
  if (miniprogramRoot === null) throw new AddRefusal(m.add.rootOutsideProject(String(rootValue)));
  const appJsonFile = inMiniprogram({ miniprogramRoot }, 'app.json');
  if (!fs.existsSync(path.join(dir, appJsonFile))) throw new AddRefusal(m.add.noAppJson(appJsonFile));
  const appJson = readJson<AppJson>(dir, appJsonFile, m);
  const packageJson = readPackageJson(dir, m);
  const framework = builtBy(dir, miniprogramRoot, packageJson?.json ?? null);
  if (framework) throw new AddRefusal(m.add.buildOutput(framework));
  const setting = (projectConfig.json.setting ?? {}) as { packNpmManually?: unknown };
  return {
    dir,
    miniprogramRoot,
    projectConfig,
    appJson,
    packageJson,
    typescript: usesTypeScript(dir, miniprogramRoot, projectConfig.json),
    packNpmManually: setting.packNpmManually === true,
    appId: typeof projectConfig.json.appid === 'string' ? projectConfig.json.appid : '',
  };
}

function readPackageJson(dir: string, m: Messages): HostProject['packageJson'] {
  const file = path.join(dir, 'package.json');
  if (!fs.existsSync(file)) return null;
  const text = readText(file, m);
  try {
    const json = JSON.parse(text) as unknown;
    return { file: 'package.json', text, json: typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : null };
  } catch {
    return { file: 'package.json', text, json: null };
  }
}

/** The subpackages app.json declares, under whichever of its two spellings it uses. */
export function subpackagesOf(appJson: AppJson): Array<{ root?: string; pages?: string[] }> {
  const list = appJson.subPackages ?? appJson.subpackages;
  return Array.isArray(list) ? list : [];
}

/** The key app.json lists subpackages under: its own spelling, or the doc's for an app with none. */
export function subpackagesKey(appJson: AppJson): 'subPackages' | 'subpackages' {
  return appJson.subPackages === undefined && appJson.subpackages !== undefined ? 'subpackages' : 'subPackages';
}
