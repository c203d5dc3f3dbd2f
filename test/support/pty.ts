import { spawn } from 'node:child_process';

/**
 * Runs a command in a pseudo terminal through util-linux `script`, so that it sees a TTY (as in a
 * user's shell) while the test types into it and reads what it draws.
 */
export interface PtySession {
  /** Resolves once the screen output contains `text` (ANSI codes ignored); fails after `timeoutMs`. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  type(keys: string): void;
  output(): string;
  exit: Promise<number>;
}

export const KEYS = { enter: '\r', down: '\x1b[B', ctrlC: '\x03', backspace: '\x7f' };

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|\r/g;

function shellQuote(argument: string): string {
  return `'${argument.replace(/'/g, `'\\''`)}'`;
}

export function runInPty(argv: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }): PtySession {
  const command = argv.map(shellQuote).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: options.cwd, env: { ...options.env, TERM: 'xterm-256color', COLUMNS: '100', LINES: '40' } });
  let screen = '';
  child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (screen += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30000);
  const exit = new Promise<number>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      resolve(code ?? (signal ? 128 : 1));
    }),
  );
  const plain = () => screen.replace(ANSI, '');
  return {
    output: plain,
    type: (keys) => child.stdin.write(keys),
    exit,
    async waitFor(text, timeoutMs = 10000) {
      const deadline = Date.now() + timeoutMs;
      const found = () => (typeof text === 'string' ? plain().includes(text) : text.test(plain()));
      while (!found()) {
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(text)} in:\n${plain().slice(-2000)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // A prompt draws itself before it listens for keys: give it a moment, as a person would.
      await new Promise((resolve) => setTimeout(resolve, 80));
    },
  };
}
