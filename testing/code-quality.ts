import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readProject } from './project';
import { copyWithoutModules } from './stage';

/** A rule of WeChat's code-quality check that the project fails. */
export interface QualityProblem {
  /** The rule's name in miniprogram-ci (`PACKAGE_SIZE_LIMIT`, `JS_COMPRESS_OPEN`, …). */
  name: string;
  /** WeChat's own words for it. */
  text: string;
}

export interface CodeQualityOptions {
  /**
   * A subpackage's root, as app.json names it (`packageTccc`): only the rules it is responsible for, for a
   * subpackage added to an app whose own code may fail some rules already. See subpackageRules.
   */
  subpackage?: string;
}

/** A rule as the check reports it, with what it names as the cause (files, components, package sizes). */
interface CheckedRule extends QualityProblem {
  success: boolean;
  detail?: unknown;
}

const CHECK_TIMEOUT_MS = 180000;

/**
 * WeChat's code-quality check (代码质量, what an upload runs) on a project 构建 npm has built, offline.
 * Resolves the rules that fail, none when it passes; rejects when the check cannot run at all.
 * It runs on a copy without node_modules, which no upload contains: miniprogram-ci's file watcher would
 * count what it finds there (an app's test tools: tens of megabytes) into the package sizes.
 */
export async function codeQuality(projectPath: string, options: CodeQualityOptions = {}): Promise<QualityProblem[]> {
  const { projectPath: project, miniprogramRoot } = readProject(projectPath);
  const { subpackage } = options;
  // A root app.json does not declare would pass every rule unseen.
  const declared = subpackage === undefined ? [] : declaredSubpackages(miniprogramRoot);
  if (subpackage !== undefined && !declared.includes(subpackage)) {
    throw new Error(`codeQuality: ${path.join(miniprogramRoot, 'app.json')} declares no subpackage ${subpackage} (it declares: ${declared.join(', ') || 'none'}).`);
  }
  const copy = copyWithoutModules(project);
  try {
    const failed = (await check(copy, project)).filter((rule) => !rule.success);
    const judged = subpackage === undefined ? failed : subpackageRules(failed, subpackage, path.join(copy, path.relative(project, miniprogramRoot)));
    return judged.map(({ name, text }) => ({ name, text }));
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

/** miniprogram-ci's limits (its checkList): each package's size, and all images and audio together. */
const PACKAGE_SIZE_LIMIT_BYTES = 1.5 * 1024 * 1024;
const IMAGE_AND_AUDIO_LIMIT_BYTES = 200 * 1024;
/** The files miniprogram-ci counts as images and audio (its regList). */
const IMAGE_AND_AUDIO = new Set(['.jpg', '.jpeg', '.png', '.svg', '.webp', '.gif', '.flac', '.m4a', '.ogg', '.ape', '.amr', '.wma', '.wav', '.mp3', '.mp4', '.aac', '.aiff', '.caf']);
/**
 * Rules on the project's settings (project.config.json, app.json) and plugins, which a subpackage cannot
 * change. Unused code is one of them: the check fails it only where the project turns off WeChat's filter
 * of unused files (`setting.ignoreUploadUnusedFiles` or `ignoreDevUnusedFiles` false), and then every npm
 * package's unused files count (the UI library's components a page does not use, in any app).
 */
const PROJECT_RULES = new Set(['JS_COMPRESS_OPEN', 'WXML_COMPRESS_OPEN', 'WXSS_COMPRESS_OPEN', 'LAZYCODE_LOADING_OPEN', 'PLUGIN_OVER_SIZE', 'CONTAINS_UNUSED_PLUGINS', 'CONTAINS_UNUSED_CODES']);

/**
 * The failing rules a subpackage is responsible for: a rule that names files or components (unused
 * components, main-package code only other packages use) when one of them is inside the subpackage;
 * the package size when the subpackage's own is over the limit; images and audio when the subpackage's own
 * are. Rules on the project's settings and plugins are the app's. A rule this list does not know counts,
 * so that a check WeChat adds is seen rather than passed over.
 */
function subpackageRules(failed: CheckedRule[], root: string, miniprogramDir: string): CheckedRule[] {
  const inside = (file: unknown) => typeof file === 'string' && file.replace(/^\/+/, '').startsWith(`${root}/`);
  return failed.filter((rule) => {
    if (PROJECT_RULES.has(rule.name)) return false;
    if (rule.name === 'PACKAGE_SIZE_LIMIT') return ((rule.detail as Record<string, number> | undefined)?.[`${root}/`] ?? 0) > PACKAGE_SIZE_LIMIT_BYTES;
    if (rule.name === 'IMAGE_AND_AUDIO_LIMIT') return imageAndAudioBytes(path.join(miniprogramDir, root)) > IMAGE_AND_AUDIO_LIMIT_BYTES;
    const named = namedFiles(rule.detail);
    return named === null || named.some(inside);
  });
}

/** The files or components a rule's detail names (a list, or `{ files }`); null when it names none. */
function namedFiles(detail: unknown): unknown[] | null {
  if (Array.isArray(detail)) return detail;
  const files = (detail as { files?: unknown } | undefined)?.files;
  return Array.isArray(files) ? files : null;
}

function declaredSubpackages(miniprogramDir: string): string[] {
  const app = JSON.parse(fs.readFileSync(path.join(miniprogramDir, 'app.json'), 'utf8')) as { subPackages?: unknown; subpackages?: unknown };
  const list = app.subPackages ?? app.subpackages;
  return Array.isArray(list) ? list.map((entry: { root?: unknown }) => String(entry?.root ?? '').replace(/^\/+|\/+$/g, '')) : [];
}

function imageAndAudioBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sum + imageAndAudioBytes(full);
    return IMAGE_AND_AUDIO.has(path.extname(entry.name).toLowerCase()) ? sum + fs.statSync(full).size : sum;
  }, 0);
}

function check(copy: string, project: string): Promise<CheckedRule[]> {
  const worker = path.join(__dirname, 'code-quality-worker.js');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [worker, copy], { cwd: project, timeout: CHECK_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`WeChat's code-quality check could not run on ${project}:\n${stderr.trim() || error.message}`));
      try {
        resolve(JSON.parse(stdout) as CheckedRule[]);
      } catch {
        reject(new Error(`WeChat's code-quality check printed something else than its rules:\n${stdout.slice(0, 2000)}`));
      }
    });
  });
}
