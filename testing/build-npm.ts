import fs from 'node:fs';
import path from 'node:path';
import { readProject } from './project';
import { quietly } from './quietly';
import { offlineProject, wechatCi } from './wechat-ci';

/** One `miniprogram_npm` folder that 构建 npm wrote. */
export interface BuiltNpm {
  /** Its path, relative to the project folder, with `/` (`miniprogram_npm`, `packageTccc/miniprogram_npm`). */
  folder: string;
  /** The packages in it, sorted (`@vant/weapp`, `tccc-call-kit`, …). */
  packages: string[];
}

export interface BuildNpmResult {
  built: BuiltNpm[];
  /** What 构建 npm warned about (a `require` it could not follow, …), one line each. */
  warnings: string[];
}

/**
 * WeChat's 工具 → 构建 npm, offline, with miniprogram-ci: as project.config.json says, either every
 * package.json inside `miniprogramRoot` (a subpackage's own included) or, with `setting.packNpmManually`,
 * each pair of `setting.packNpmRelationList`. Only `dependencies` are built, never `devDependencies`.
 */
export async function buildNpm(projectPath: string): Promise<BuildNpmResult> {
  const layout = readProject(projectPath);
  const warnings = await quietly(async () => {
    // miniprogram-ci logs as it loads, too.
    const ci = wechatCi('buildNpm');
    if (!layout.npmRelations) return ci.packNpm(offlineProject(ci, layout.projectPath), { reporter: () => undefined });
    const found = [];
    for (const relation of layout.npmRelations) found.push(...(await ci.packNpmManually(relation)).warnList);
    return found;
  });
  const folders = layout.npmRelations
    ? layout.npmRelations.map((relation) => path.join(relation.miniprogramNpmDistDir, 'miniprogram_npm'))
    : miniprogramNpmFolders(layout.miniprogramRoot);
  return {
    built: folders.filter((folder) => fs.existsSync(folder)).map((folder) => ({ folder: posix(path.relative(layout.projectPath, folder)), packages: packagesIn(folder) })),
    warnings: warnings.map((warning) => `${warning.jsPath}: ${warning.msg}`),
  };
}

/** Every `miniprogram_npm` under `root`, outside node_modules and other miniprogram_npm folders. */
function miniprogramNpmFolders(root: string): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      if (entry.name === 'miniprogram_npm') found.push(path.join(dir, entry.name));
      else visit(path.join(dir, entry.name));
    }
  };
  visit(root);
  return found.sort();
}

function packagesIn(folder: string): string[] {
  return fs
    .readdirSync(folder)
    .flatMap((name) => (name.startsWith('@') ? fs.readdirSync(path.join(folder, name)).map((inner) => `${name}/${inner}`) : [name]))
    .sort();
}

function posix(relative: string): string {
  return relative.split(path.sep).join('/');
}
