/**
 * The rules of docs/terms.zh-CN.md as checks on Chinese text: the terms table (a word off the table, or a
 * calque, where it is not one of the row's exceptions), English sentences left in, and the punctuation a
 * Chinese engineer expects. Each problem names the file, the line and the rule, with the text around it.
 *
 * Text comes from three places: Chinese markdown (prose, and the comments of its code blocks), the Chinese
 * generated README template (its EJS tags taken out), and the Chinese string tables of the code (every string
 * inside the table's object literal, read with the TypeScript parser).
 */
import ts from 'typescript';
import { commentsOf } from './code-comments';
import { outline } from './markdown-outline';

/** A row of the terms table: write `use`, not any of `avoid`, except inside one of `allowedIn`. */
export interface TermRule {
  use: string;
  avoid: string[];
  allowedIn: string[];
}

/** A piece of Chinese text and where it starts. `prose` is markdown text outside code; `comment` a code comment. */
export interface ZhText {
  file: string;
  line: number;
  text: string;
  kind: 'prose' | 'comment' | 'string';
}

const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const FULL_WIDTH_PUNCTUATION = '，。：；、！？（）「」『』《》“”';
const HAN = new RegExp(`[${CJK}]`);
/** Stands for something taken out of the text (code, a link target, an EJS value): neither Chinese nor English. */
const HOLE = '\uE000';

/** Words that make a run of English words a sentence rather than a name ("Tencent Cloud Contact Center"). */
const FUNCTION_WORDS = new Set(
  ('a an the is are was be been it its this that these those to of in on at by for from with without into as and or but not no ' +
    'if then than when while only every each any all you your we our they their can cannot will must should does do has have')
    .split(' '),
);

/** The rows of every table in the terms doc whose header is | 用 | 不用 | 例外 | 说明 |: the avoided forms are its code spans. */
export function termRules(termsDoc: string): TermRule[] {
  const rules: TermRule[] = [];
  let inTermsTable = false;
  for (const line of termsDoc.split('\n')) {
    if (!line.startsWith('|')) {
      inTermsTable = false;
      continue;
    }
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    if (cells[0] === '用' && cells[1] === '不用') {
      inTermsTable = true;
      continue;
    }
    if (!inTermsTable || /^-+$/.test(cells[0])) continue;
    const spans = (cell = '') => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
    rules.push({ use: cells[0], avoid: spans(cells[1]), allowedIn: spans(cells[2]) });
  }
  return rules;
}

const excerpt = (text: string, at: number, length: number): string =>
  JSON.stringify(text.slice(Math.max(0, at - 12), at + length + 12).replace(new RegExp(HOLE, 'g'), '…'));

/** Quoted text (a UI label, a WeChat error message, an example in English) is not the author's sentence. */
function withoutQuotes(text: string, kind: ZhText['kind']): string {
  const quoted = kind === 'comment' ? /“[^”]*”|「[^」]*」|『[^』]*』|"[^"]*"|'[^']*'|‘[^’]*’/g : /“[^”]*”|「[^」]*」|『[^』]*』|"[^"]*"|‘[^’]*’/g;
  return text.replace(quoted, HOLE);
}

function englishProblems(piece: ZhText): string[] {
  // Paths, file names and domains (test/ui/a11y.test.ts, app.js, e.g.) are names, not words.
  const text = withoutQuotes(piece.text, piece.kind).replace(/[\w@-]*[/.][\w@./-]+/g, HOLE);
  const problems: string[] = [];
  for (const run of text.matchAll(/[A-Za-z][A-Za-z'’-]*(?:[ \t,;:.!?()/]+[A-Za-z][A-Za-z'’-]*)*/g)) {
    const words = run[0].match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
    const sentence = words.length >= 3 && words.some((word) => FUNCTION_WORDS.has(word.toLowerCase()));
    // A comment is short: two English words and no Chinese at all is an untranslated comment.
    const englishComment = piece.kind === 'comment' && words.length >= 2 && !HAN.test(text);
    if (sentence || englishComment) problems.push(`English left in: ${JSON.stringify(run[0])}`);
  }
  return problems;
}

function termProblems(piece: ZhText, rules: readonly TermRule[]): string[] {
  const problems: string[] = [];
  for (const rule of rules) {
    for (const avoided of rule.avoid) {
      for (let at = piece.text.indexOf(avoided); at >= 0; at = piece.text.indexOf(avoided, at + 1)) {
        // Writing about the word itself, quoted (“后台”), is not using it.
        const excused = [...rule.allowedIn, `“${avoided}”`, `「${avoided}」`].some((allowed) => {
          const offset = allowed.indexOf(avoided);
          return offset >= 0 && piece.text.startsWith(allowed, at - offset);
        });
        if (!excused) problems.push(`"${avoided}": write ${rule.use} (docs/terms.zh-CN.md) in ${excerpt(piece.text, at, avoided.length)}`);
      }
    }
  }
  return problems;
}

const PUNCTUATION_RULES: { pattern: RegExp; rule: string }[] = [
  { pattern: new RegExp(`[${CJK}][:;,?!]`, 'g'), rule: 'half-width punctuation after Chinese (use ：；，？！)' },
  { pattern: new RegExp(`[${CJK}]\\(|\\)[${CJK}]`, 'g'), rule: 'half-width parenthesis beside Chinese (use （）)' },
  { pattern: /[，。：；、！？（][ \t]+(?=\S)/g, rule: 'a space after full-width punctuation' },
  { pattern: /(?<=\S)[ \t]+[，。：；、！？）]/g, rule: 'a space before full-width punctuation' },
  { pattern: new RegExp(`[${CJK}][ \\t]+[${CJK}]`, 'g'), rule: 'a space between Chinese characters (quote a UI label with 「」)' },
];

function punctuationProblems(piece: ZhText): string[] {
  const problems: string[] = [];
  for (const { pattern, rule } of PUNCTUATION_RULES) {
    for (const match of piece.text.matchAll(pattern)) problems.push(`${rule}: ${excerpt(piece.text, match.index ?? 0, match[0].length)}`);
  }
  return problems;
}

/** Every problem of every piece, as "file:line: problem". */
export function zhStyleProblems(pieces: readonly ZhText[], rules: readonly TermRule[]): string[] {
  return pieces.flatMap((piece) => {
    const found = [...termProblems(piece, rules), ...englishProblems(piece), ...(piece.kind === 'string' && !HAN.test(piece.text) ? [] : punctuationProblems(piece))];
    return found.map((problem) => `${piece.file}:${piece.line}: ${problem}`);
  });
}

// ---- Markdown -------------------------------------------------------------------------------------------

/** Markdown prose as the reader sees it: code, link targets, URLs and emphasis marks taken out. */
function proseOf(line: string): string {
  // A table row's cells are separate texts: the pipes and the spaces around them are not in the text.
  const cells = /^\s*\|/.test(line) ? line.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((cell) => cell.trim()).join(HOLE) : line;
  return cells
    .replace(/<!--.*?-->/g, '')
    .replace(/(`+)[^`]*?\1/g, HOLE)
    .replace(/!?\[((?:[^[\]]|\[[^\]]*\])*)\]\([^)]*\)/g, '$1')
    .replace(/<https?:[^>]*>|https?:\/\/[^\s)）]+/g, HOLE)
    .replace(/\*\*|__/g, '');
}

const isBlockLine = (line: string): boolean => /^\s*(\||#{1,6}\s|```|~~~|<)/.test(line) || line.trim() === '';
const startsListItem = (line: string): boolean => /^\s*([-*+]|\d+\.)\s/.test(line) || /^\s*>/.test(line);
const LINE_END_GLUE = new RegExp(`[${CJK}${FULL_WIDTH_PUNCTUATION}]$`);
const LINE_START_GLUE = new RegExp(`^[${CJK}${FULL_WIDTH_PUNCTUATION}]`);
const LINE_END_PUNCTUATION = /[，。：；、！？（]$/;

/**
 * The Chinese text of a markdown file: each prose line, each code comment, and a problem for each line break
 * inside a paragraph that falls between Chinese characters (a browser shows it as a space).
 */
export function markdownPieces(file: string, markdown: string): { pieces: ZhText[]; breaks: string[] } {
  const pieces: ZhText[] = [];
  const breaks: string[] = [];
  const lines = markdown.split('\n');
  const fenced = new Set<number>();
  for (const block of outline(markdown).codeBlocks) {
    const body = block.content === '' ? [] : block.content.split('\n');
    body.forEach((line, i) => {
      for (const comment of commentsOf(line, block.lang)) {
        pieces.push({ file, line: block.line + 1 + i, text: comment.text.replace(/^(#|\/\/|\/\*|<!--)\s*|\s*(\*\/|-->)$/g, ''), kind: 'comment' });
      }
    });
    for (let i = block.line; i <= block.line + body.length + 1; i++) fenced.add(i);
  }
  lines.forEach((line, index) => {
    const number = index + 1;
    if (fenced.has(number)) return;
    const prose = proseOf(line);
    pieces.push({ file, line: number, text: prose, kind: 'prose' });
    const next = lines[index + 1];
    if (next === undefined || fenced.has(number + 1) || isBlockLine(line) || isBlockLine(next) || startsListItem(next)) return;
    const end = prose.trimEnd();
    const start = proseOf(next).trimStart();
    if ((LINE_END_GLUE.test(end) && LINE_START_GLUE.test(start)) || LINE_END_PUNCTUATION.test(end)) {
      breaks.push(`${file}:${number}: a line break inside a paragraph after ${JSON.stringify(end.slice(-6))} shows as a space: join the lines`);
    }
  });
  return { pieces, breaks };
}

/** The generated README template as markdown: EJS values become holes, control tags go. */
export function ejsAsMarkdown(template: string): string {
  return template.replace(/<%[-=]([\s\S]*?)[-_]?%>/g, HOLE).replace(/<%[\s\S]*?[-_]?%>/g, '');
}

// ---- String tables --------------------------------------------------------------------------------------

/**
 * Every string in the Chinese table of a source file: the initializer of a variable named like `ZH_CN`/`zhCN`,
 * or of a property named 'zh-CN' or `zh` (one per option, say). Property names (English keys) are left out; a template's `${…}` is a hole.
 * Undefined when the file has no such table.
 */
export function stringTablePieces(file: string, source: string): ZhText[] | undefined {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const tables: ts.Node[] = [];
  const findTables = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && /^(ZH_CN|zhCN|zh_CN)$/.test(node.name.text) && node.initializer) tables.push(node.initializer);
    else if (ts.isPropertyAssignment(node) && (ts.isStringLiteral(node.name) || ts.isIdentifier(node.name)) && /^(zh-CN|zh)$/.test(node.name.text)) tables.push(node.initializer);
    else ts.forEachChild(node, findTables);
  };
  findTables(sourceFile);
  if (tables.length === 0) return undefined;

  const pieces: ZhText[] = [];
  const lineOf = (node: ts.Node) => sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const collect = (node: ts.Node): void => {
    const isKey = ts.isPropertyAssignment(node.parent) && node.parent.name === node;
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !isKey) {
      pieces.push({ file, line: lineOf(node), text: node.text, kind: 'string' });
    } else if (ts.isTemplateExpression(node)) {
      const text = node.head.text + node.templateSpans.map((span) => HOLE + span.literal.text).join('');
      pieces.push({ file, line: lineOf(node), text, kind: 'string' });
      node.templateSpans.forEach((span) => collect(span.expression));
    } else {
      ts.forEachChild(node, collect);
    }
  };
  tables.forEach(collect);
  // Strings joined with '\n' are lines of one message: each line is checked on its own.
  return pieces.flatMap((piece) => piece.text.split('\n').map((text) => ({ ...piece, text })));
}
