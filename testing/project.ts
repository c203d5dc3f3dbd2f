import fs from 'node:fs';
import path from 'node:path';

/** One pair of WeChat's 构建 npm: the package.json it reads, and the folder it writes `miniprogram_npm` into. */
export interface NpmRelation {
  packageJsonPath: string;
  miniprogramNpmDistDir: string;
}

/** A mini program project as its project.config.json lays it out; every path absolute. */
export interface ProjectLayout {
  /** The folder of project.config.json: the one WeChat DevTools opens. */
  projectPath: string;
  /** `miniprogramRoot`: where app.json and the pages are (the project folder when it is not set). */
  miniprogramRoot: string;
  appId: string;
  /** `setting.packNpmManually` with its `packNpmRelationList`; null: 构建 npm finds every package.json itself. */
  npmRelations: NpmRelation[] | null;
  /** DevTools compiles the `.ts` files itself (`setting.useCompilerPlugins` holds `typescript`). */
  typescript: boolean;
}

interface ProjectConfig {
  appid?: unknown;
  miniprogramRoot?: unknown;
  setting?: { packNpmManually?: unknown; packNpmRelationList?: unknown; useCompilerPlugins?: unknown };
}

/** Reads project.config.json in `projectPath`; a missing or unreadable one is an error that says what was expected. */
export function readProject(projectPath: string): ProjectLayout {
  const root = path.resolve(projectPath);
  const file = path.join(root, 'project.config.json');
  let config: ProjectConfig;
  try {
    config = JSON.parse(fs.readFileSync(file, 'utf8')) as ProjectConfig;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (error as Error).message;
    throw new Error(`Cannot read ${file} (${reason}). Give the folder WeChat DevTools opens: the one with project.config.json.`);
  }
  const miniprogramRoot = path.resolve(root, typeof config.miniprogramRoot === 'string' ? config.miniprogramRoot : '');
  const setting = config.setting ?? {};
  const plugins = Array.isArray(setting.useCompilerPlugins) ? setting.useCompilerPlugins : [];
  return {
    projectPath: root,
    miniprogramRoot,
    appId: typeof config.appid === 'string' && config.appid !== '' ? config.appid : 'touristappid',
    npmRelations: setting.packNpmManually === true ? relationsOf(setting.packNpmRelationList, root, file) : null,
    typescript: plugins.some((plugin) => plugin === 'typescript' || (typeof plugin === 'object' && plugin !== null && (plugin as { type?: unknown }).type === 'typescript')),
  };
}

function relationsOf(list: unknown, root: string, file: string): NpmRelation[] {
  if (!Array.isArray(list) || list.length === 0) throw new Error(`${file}: setting.packNpmManually is on, but setting.packNpmRelationList lists no package.json.`);
  return list.map((entry: unknown, index) => {
    const { packageJsonPath, miniprogramNpmDistDir } = (entry ?? {}) as Record<string, unknown>;
    if (typeof packageJsonPath !== 'string' || typeof miniprogramNpmDistDir !== 'string') {
      throw new Error(`${file}: setting.packNpmRelationList[${index}] needs packageJsonPath and miniprogramNpmDistDir.`);
    }
    return { packageJsonPath: path.resolve(root, packageJsonPath), miniprogramNpmDistDir: path.resolve(root, miniprogramNpmDistDir) };
  });
}
