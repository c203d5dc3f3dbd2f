/**
 * The packages the testing entry runs but does not bring: an app installs them as dev dependencies (the
 * scaffolder adds them), so that `npx tccc-dev-server` alone stays small. Loaded on first use.
 */
export type Peer = 'miniprogram-ci' | 'miniprogram-simulate' | 'typescript';

export function peer<T>(name: Peer, neededFor: string): T {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(name) as T;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && (error as Error).message.includes(`'${name}'`);
    if (missing) throw new Error(`${neededFor} needs ${name}, which is not installed: npm install --save-dev ${name}`);
    throw error;
  }
}
