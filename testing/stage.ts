import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as TypeScript from 'typescript';
import { peer } from './peers';
import type { ProjectLayout } from './project';
import { TCCC_WX_SDK_DOUBLE_DIR } from './tccc-wx-sdk-double';

/** Not part of the mini program's code: left out of every copy. */
const LEFT_OUT = new Set(['node_modules', '.git']);

/** A copy of `source` in a fresh temporary folder, without node_modules (wherever they are) and .git. The caller removes it. */
export function copyWithoutModules(source: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tccc-testing-'));
  try {
    fs.cpSync(source, dir, { recursive: true, filter: (file) => !LEFT_OUT.has(path.basename(file)) });
    return dir;
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A copy of the mini program root, in a fresh temporary folder, as WeChat DevTools compiles it: `.ts` files
 * compiled beside themselves when the project uses DevTools' TypeScript plugin, and with `double`, Tencent's
 * tccc-wx-sdk (which runs only inside WeChat) replaced by the doc-built double in every `miniprogram_npm`.
 * The project itself is never changed. The caller removes the copy.
 */
export function stageMiniprogram(layout: ProjectLayout, options: { double: boolean }): string {
  const dir = copyWithoutModules(layout.miniprogramRoot);
  try {
    if (options.double) putDouble(dir);
    if (layout.typescript) compileTypeScript(dir, layout.projectPath);
    return dir;
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function putDouble(dir: string): void {
  const cores = folders(dir, (folder) => path.basename(folder) === 'tccc-wx-sdk' && path.basename(path.dirname(folder)) === 'miniprogram_npm');
  if (cores.length === 0) throw new Error('构建 npm wrote no miniprogram_npm/tccc-wx-sdk to put the double in: install tccc-wx-sdk and run buildNpm(project) first.');
  for (const core of cores) {
    fs.rmSync(core, { recursive: true, force: true });
    fs.cpSync(TCCC_WX_SDK_DOUBLE_DIR, core, { recursive: true });
  }
}

/** Every folder under `dir` that `wanted` picks (not looking inside the ones it picks). */
function folders(dir: string, wanted: (folder: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory()) return [];
    const full = path.join(dir, entry.name);
    return wanted(full) ? [full] : folders(full, wanted);
  });
}

/** What DevTools' TypeScript plugin does: each `.ts` (not `.d.ts`) to a `.js` beside it, with the project's tsconfig.json. */
function compileTypeScript(dir: string, projectPath: string): void {
  const ts = peer<typeof TypeScript>('typescript', 'renderPage (this project is written in TypeScript)');
  const tsconfig = path.join(projectPath, 'tsconfig.json');
  const { config } = fs.existsSync(tsconfig) ? ts.readConfigFile(tsconfig, ts.sys.readFile) : { config: {} };
  const { options } = ts.convertCompilerOptionsFromJson(config?.compilerOptions ?? {}, projectPath);
  const compilerOptions = { ...options, noEmit: false, module: ts.ModuleKind.CommonJS };
  for (const file of sourceFiles(dir)) {
    const output = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions, fileName: file });
    fs.writeFileSync(file.replace(/\.ts$/, '.js'), output.outputText);
  }
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'miniprogram_npm' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}
