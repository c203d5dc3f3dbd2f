export declare const BROWSER_PATHS: { linux: string[]; darwin: string[]; win32: string[] };
export declare function findBrowser(options?: { env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform; exists?: (file: string) => boolean }): string | undefined;
