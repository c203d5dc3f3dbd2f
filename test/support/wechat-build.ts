/**
 * WeChat's compiler on a project, offline, through miniprogram-ci: the compiled files an upload would hold
 * (构建 npm and the code-quality check are the testing entry's: buildNpm, codeQuality).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A private key file for miniprogram-ci: only uploads use it, but the compiler wants one that is not empty. */
export function placeholderKey(dir: string): string {
  const file = path.join(dir, 'unused-upload.key');
  fs.writeFileSync(file, '-----BEGIN RSA PRIVATE KEY-----\nunused\n-----END RSA PRIVATE KEY-----\n');
  return file;
}

/**
 * The compiled files an upload would hold, path (under miniprogramRoot) to bytes. The compiler runs in the
 * key's folder (the test's own), where it leaves an empty folder named by a hash of the project.
 */
export function compiledFiles(project: string, keyFile: string): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(__dirname, 'compiled-files.js'), project, keyFile], { cwd: path.dirname(keyFile), timeout: 240000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`compiled-files.js failed: ${stderr || error.message}`)) : resolve(JSON.parse(stdout) as Record<string, number>),
    );
  });
}

/** The compiled main package's bytes: every file outside the subpackage roots app.json declares. */
export function mainPackageBytes(files: Record<string, number>, subpackageRoots: string[]): number {
  const inSubpackage = (file: string) => subpackageRoots.some((root) => file.startsWith(`${root.replace(/\/+$/, '')}/`));
  return Object.entries(files)
    .filter(([file]) => !inSubpackage(file))
    .reduce((sum, [, bytes]) => sum + bytes, 0);
}
