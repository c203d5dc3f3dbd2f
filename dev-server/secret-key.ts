import fs from 'node:fs';

export interface SecretKeySources {
  /** `--trtc-secret-key`: on the command line, so in `ps` for every local user. */
  flag?: string;
  /** `--trtc-secret-key-file`. */
  file?: string;
  /** `TRTC_SECRET_KEY`. */
  env?: string;
}

/**
 * The TRTC secret key, from a file, the environment or (last, with a warning) the command line. Throws
 * with a readable message for a file that cannot be read or holds nothing, or for two sources at once.
 */
export function readSecretKey(sources: SecretKeySources, warn: (message: string) => void): string | undefined {
  if (sources.flag !== undefined && sources.file !== undefined) throw new Error('give the secret key once: --trtc-secret-key-file or --trtc-secret-key, not both.');
  if (sources.file !== undefined) {
    let text: string;
    try {
      text = fs.readFileSync(sources.file, 'utf8');
    } catch (error) {
      throw new Error(`cannot read the secret key file ${sources.file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
    }
    const key = text.trim();
    if (key === '' || /\s/.test(key)) throw new Error(`${sources.file} must hold the secret key alone, on one line.`);
    return key;
  }
  if (sources.flag !== undefined) {
    warn(
      'warning: --trtc-secret-key puts the key on the command line, where every user of this machine can read it (ps, /proc). ' +
        'Prefer TRTC_SECRET_KEY=… or --trtc-secret-key-file <file>.',
    );
    return sources.flag;
  }
  return sources.env || undefined;
}
