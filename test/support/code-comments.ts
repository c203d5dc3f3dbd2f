/**
 * Comments in the code blocks of the docs. A Chinese doc translates them and keeps the code: the twins'
 * blocks are compared without their comments, and the Chinese comments are checked as Chinese text.
 */

/** Where a comment starts (and ends) in a line of each fence language the docs use; json has none. */
const COMMENT_SYNTAX: Record<string, RegExp> = {
  bash: /(?:^|\s)#(.*)$/,
  sh: /(?:^|\s)#(.*)$/,
  shell: /(?:^|\s)#(.*)$/,
  js: /\/\/(.*)$|\/\*(.*?)\*\//,
  ts: /\/\/(.*)$|\/\*(.*?)\*\//,
  css: /\/\*(.*?)\*\//,
  html: /<!--(.*?)-->/,
};

/** A line of code with its strings blanked, so a `#` or `//` inside a string is not a comment. */
const blankStrings = (line: string): string => line.replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`(?:\\.|[^`\\])*`/g, (string) => '"'.padEnd(string.length - 1, ' ') + '"');

/** The comments of one line of a code block in `lang` (a block comment and a line comment on one line are two), each with where it starts. */
export function commentsOf(line: string, lang: string): { text: string; at: number }[] {
  const syntax = COMMENT_SYNTAX[lang];
  if (!syntax) return [];
  const comments: { text: string; at: number }[] = [];
  let code = blankStrings(line);
  for (let match = syntax.exec(code); match; match = syntax.exec(code)) {
    const trimmed = match[0].trimStart();
    const at = match.index + match[0].length - trimmed.length;
    comments.push({ text: line.slice(at, at + trimmed.length), at });
    code = code.slice(0, at) + ' '.repeat(trimmed.length) + code.slice(at + trimmed.length);
  }
  return comments.sort((a, b) => a.at - b.at);
}

/** A code block with its comments taken out, for comparing twins: the code must match, the comments are translated. */
export function codeWithoutComments(content: string, lang: string): string {
  return content
    .split('\n')
    .flatMap((line) => {
      const comments = commentsOf(line, lang);
      if (comments.length === 0) return [line.trimEnd()];
      let code = line;
      for (const { text, at } of [...comments].reverse()) code = code.slice(0, at) + code.slice(at + text.length);
      return code.trim() === '' ? [] : [code.replace(/ {2,}/g, ' ').trimEnd()];
    })
    .join('\n');
}
