/**
 * WeChat DevTools' steps on a project, offline, through miniprogram-ci: 构建 npm as DevTools runs it (the
 * packNpmRelationList of project.config.json when packNpmManually is on, else every package.json under
 * miniprogramRoot), the compiled files an upload would hold, and the code-quality check an upload runs.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { quietly } from './quiet-console';

/** A private key file for miniprogram-ci: only uploads use it, but the compiler wants one that is not empty. */
export function placeholderKey(dir: string): string {
  const file = path.join(dir, 'unused-upload.key');
  fs.writeFileSync(file, '-----BEGIN RSA PRIVATE KEY-----\nunused\n-----END RSA PRIVATE KEY-----\n');
  return file;
}

/** 构建 npm, as DevTools runs it for this project's settings. */
export async function buildNpm(project: string, keyFile: string): Promise<void> {
  const config = JSON.parse(fs.readFileSync(path.join(project, 'project.config.json'), 'utf8')) as { setting?: { packNpmManually?: boolean; packNpmRelationList?: Array<{ packageJsonPath: string; miniprogramNpmDistDir: string }> } };
  await quietly(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ci = require('miniprogram-ci');
    if (config.setting?.packNpmManually) {
      for (const relation of config.setting.packNpmRelationList ?? []) {
        const packageJsonPath = path.join(project, relation.packageJsonPath);
        const miniprogramNpmDistDir = path.join(project, relation.miniprogramNpmDistDir);
        await ci.packNpmManually({ packageJsonPath, miniprogramNpmDistDir });
      }
      return;
    }
    const ciProject = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath: project, privateKeyPath: keyFile, ignores: ['node_modules/**/*'] });
    await ci.packNpm(ciProject, { reporter: () => undefined });
  });
}

function node(script: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(__dirname, script), ...args], { timeout: 240000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${script} failed: ${stderr || error.message}`)) : resolve(stdout),
    );
  });
}

/** The compiled files an upload would hold, path (under miniprogramRoot) to bytes. */
export async function compiledFiles(project: string, keyFile: string): Promise<Record<string, number>> {
  return JSON.parse(await node('compiled-files.js', [project, keyFile])) as Record<string, number>;
}

export interface QualityRule {
  name: string;
  success: boolean;
  text: string;
}

/** WeChat's code-quality check, as an upload runs it (on a project 构建 npm has built). */
export async function codeQuality(project: string, keyFile: string): Promise<QualityRule[]> {
  return JSON.parse(await node('code-quality.js', [project, keyFile])) as QualityRule[];
}

/** The compiled main package's bytes: every file outside the subpackage roots app.json declares. */
export function mainPackageBytes(files: Record<string, number>, subpackageRoots: string[]): number {
  const inSubpackage = (file: string) => subpackageRoots.some((root) => file.startsWith(`${root.replace(/\/+$/, '')}/`));
  return Object.entries(files)
    .filter(([file]) => !inSubpackage(file))
    .reduce((sum, [, bytes]) => sum + bytes, 0);
}
