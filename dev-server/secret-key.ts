import fs from 'node:fs';
import { StartupProblem } from './startup-problem';

export interface SecretKeySources {
  /** `--trtc-secret-key`: on the command line, so in `ps` for every local user. */
  flag?: string;
  /** `--trtc-secret-key-file`. */
  file?: string;
  /** `TRTC_SECRET_KEY`. */
  env?: string;
}

/**
 * The TRTC secret key, from a file, the environment or (last, with `onCommandLine` to warn) the command line.
 * Throws a StartupProblem for a file that cannot be read or holds nothing, or for two sources at once.
 */
export function readSecretKey(sources: SecretKeySources, onCommandLine: () => void): string | undefined {
  if (sources.flag !== undefined && sources.file !== undefined) throw new StartupProblem({ code: 'secret-key-twice' });
  if (sources.file !== undefined) {
    let text: string;
    try {
      text = fs.readFileSync(sources.file, 'utf8');
    } catch (error) {
      throw new StartupProblem({ code: 'secret-key-file-unreadable', file: sources.file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
    }
    const key = text.trim();
    if (key === '' || /\s/.test(key)) throw new StartupProblem({ code: 'secret-key-file-malformed', file: sources.file });
    return key;
  }
  if (sources.flag !== undefined) {
    onCommandLine();
    return sources.flag;
  }
  return sources.env || undefined;
}
