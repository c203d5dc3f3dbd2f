/** A command as a document shows it in a fenced shell block, with where it is and what follows it there. */
export interface DocCommand {
  /** The command alone: no trailing `# comment`, one of a `a && b` chain (a subshell `(a && b)` is one command). */
  command: string;
  /** Its comment, if the line has one. */
  comment: string;
  /** `file:line`, for messages. */
  where: string;
  /** The commands after it in the same block, in order. */
  following: string[];
}

const FENCE = /^(\s*)```(\w*)\s*$/;
const SHELL = new Set(['bash', 'sh', 'shell']);

/** A line's command and comment: a `#` after whitespace, outside quotes, starts the comment. */
function splitComment(line: string): { command: string; comment: string } {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
      return { command: line.slice(0, i).trim(), comment: line.slice(i + 1).trim() };
    }
  }
  return { command: line.trim(), comment: '' };
}

/**
 * The commands of every fenced `bash`/`sh`/`shell` block of a Markdown text, block by block (blocks inside
 * list items included). Comment lines and blank lines are left out; `a && b` is two commands, `(a && b)` one.
 */
export function commandBlocks(markdown: string, file: string): DocCommand[][] {
  const blocks: DocCommand[][] = [];
  // Inside a fence: the steps of a shell block, or null for a block of another language.
  let fence: { steps: Array<Omit<DocCommand, 'following'>> | null } | null = null;
  markdown.split('\n').forEach((line, index) => {
    const marker = FENCE.exec(line);
    if (marker && fence === null) {
      fence = { steps: SHELL.has(marker[2]) ? [] : null };
      return;
    }
    if (marker && fence !== null) {
      const { steps } = fence;
      if (steps) blocks.push(steps.map((step, i) => ({ ...step, following: steps.slice(i + 1).map((next) => next.command) })));
      fence = null;
      return;
    }
    if (fence === null || fence.steps === null) return;
    const { command, comment } = splitComment(line);
    if (command === '') return;
    // A subshell `(cd dir && cmd)` is one command: it leaves the reader where they were.
    const parts = /^\(.*\)$/.test(command) ? [command] : command.split(/\s+&&\s+/);
    for (const part of parts) fence.steps.push({ command: part, comment, where: `${file}:${index + 1}` });
  });
  return blocks;
}

/** Every command of a document, as one list. */
export function commandsOf(markdown: string, file: string): string[] {
  return commandBlocks(markdown, file).flat().map((step) => step.command);
}
