import fs from 'node:fs';
import path from 'node:path';
import type { Language } from './language';

/**
 * Where the protocol's doc is, from `cwd`, for a server bundled in `bundleDir` (dist/bin): in a clone of the
 * repository its docs/ folder; in an installed tccc-dev-server the copy the package ships (dist/docs). The
 * Chinese doc for a Chinese banner.
 */
export function protocolDocPath(language: Language, bundleDir: string, cwd: string): string {
  const file = language === 'zh-CN' ? 'protocol.zh-CN.md' : 'protocol.md';
  const candidates = [path.join(bundleDir, '..', '..', 'docs', file), path.join(bundleDir, '..', 'docs', file)];
  const found = candidates.find((candidate) => fs.existsSync(candidate)) ?? candidates[1];
  return path.relative(cwd, found);
}
