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

const CHECK_TIMEOUT_MS = 180000;

/**
 * WeChat's code-quality check (代码质量, what an upload runs) on a project 构建 npm has built, offline.
 * Resolves the rules that fail, none when it passes; rejects when the check cannot run at all.
 * It runs on a copy without node_modules, which no upload contains: miniprogram-ci's file watcher would
 * count what it finds there (an app's test tools: tens of megabytes) into the package sizes.
 */
export async function codeQuality(projectPath: string): Promise<QualityProblem[]> {
  const { projectPath: project } = readProject(projectPath);
  const copy = copyWithoutModules(project);
  try {
    return await check(copy, project);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

function check(copy: string, project: string): Promise<QualityProblem[]> {
  const worker = path.join(__dirname, 'code-quality-worker.js');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [worker, copy], { cwd: project, timeout: CHECK_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`WeChat's code-quality check could not run on ${project}:\n${stderr.trim() || error.message}`));
      try {
        const rules = JSON.parse(stdout) as Array<QualityProblem & { success: boolean }>;
        resolve(rules.filter((rule) => !rule.success).map(({ name, text }) => ({ name, text })));
      } catch {
        reject(new Error(`WeChat's code-quality check printed something else than its rules:\n${stdout.slice(0, 2000)}`));
      }
    });
  });
}
