/**
 * English docs and their Chinese twins (`README.md` ↔ `README.zh-CN.md`, `docs/protocol.md` ↔
 * `docs/protocol.zh-CN.md`), and what a twin must keep from its original: headings, code blocks, links.
 * Paths are POSIX, relative to the repository root.
 */
import fs from 'node:fs';
import path from 'node:path';
import { codeWithoutComments } from './code-comments';
import { anchors, outline, type CodeBlock, type Link, type Outline } from './markdown-outline';

export const ZH_SUFFIX = '.zh-CN.md';
const SKIPPED_DIRS = new Set(['node_modules', '.tmp', 'dist', 'miniprogram_dist', '.git']);
/** How far down a doc the link to its twin may sit. */
export const TWIN_LINK_LINES = 5;

export interface Doc {
  path: string;
  text: string;
}

export function zhTwinPath(englishPath: string): string {
  return englishPath.replace(/\.md$/, ZH_SUFFIX);
}

export function englishPathOf(docPath: string): string {
  return docPath.endsWith(ZH_SUFFIX) ? docPath.slice(0, -ZH_SUFFIX.length) + '.md' : docPath;
}

/** Every markdown file of the repository, build output and dependencies left out. */
export function markdownFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) walk(relative);
      else if (entry.isFile() && entry.name.endsWith('.md')) found.push(relative);
    }
  };
  walk('');
  return found.sort();
}

/** The English docs that must have a Chinese twin: every README.md and every doc under docs/. */
export function docsNeedingTwin(files: readonly string[]): string[] {
  return files.filter((file) => !file.endsWith(ZH_SUFFIX) && (path.posix.basename(file) === 'README.md' || file.startsWith('docs/')));
}

interface ResolvedLink extends Link {
  /** The target as both languages should agree on it: twin paths as the English path, no anchor into a twinned doc. */
  canonical: string;
  /** The repository file it points to, if local. */
  file?: string;
  fragment?: string;
}

function resolveLink(docPath: string, link: Link, twinned: ReadonlySet<string>): ResolvedLink {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link.target)) return { ...link, canonical: link.target };
  const hashAt = link.target.indexOf('#');
  const pathPart = hashAt < 0 ? link.target : link.target.slice(0, hashAt);
  const fragment = hashAt < 0 ? undefined : decodeURIComponent(link.target.slice(hashAt + 1));
  const file = pathPart === '' ? docPath : path.posix.normalize(path.posix.join(path.posix.dirname(docPath), decodeURI(pathPart)));
  const english = englishPathOf(file);
  // Headings are translated, so anchors into a twinned doc differ by language; each is checked on its own.
  const canonical = twinned.has(english) ? english : fragment === undefined ? file : `${file}#${fragment}`;
  return { ...link, canonical, file, fragment };
}

export function resolvedLinks(doc: Doc, twinned: ReadonlySet<string>, parsed: Outline = outline(doc.text)): ResolvedLink[] {
  return parsed.links.map((link) => resolveLink(doc.path, link, twinned));
}

const shorten = (text: string, max = 160): string => {
  const oneLine = JSON.stringify(text);
  return oneLine.length > max ? `${oneLine.slice(0, max)}…"` : oneLine;
};

function codeBlockDifference(index: number, en: CodeBlock, zh: CodeBlock, enPath: string, zhPath: string): string | undefined {
  const where = `code block ${index + 1} (${enPath}:${en.line}, ${zhPath}:${zh.line})`;
  if (en.lang !== zh.lang) return `${where}: language \`${en.lang}\` in English, \`${zh.lang}\` in Chinese`;
  // Comments are translated; the code itself (commands, names, values) is the same in both languages.
  const enCode = codeWithoutComments(en.content, en.lang);
  const zhCode = codeWithoutComments(zh.content, zh.lang);
  if (enCode === zhCode) return undefined;
  const enLines = enCode.split('\n');
  const zhLines = zhCode.split('\n');
  const at = enLines.findIndex((line, i) => line !== zhLines[i]);
  const lineIndex = at < 0 ? enLines.length : at;
  return `${where}: line ${lineIndex + 1} of the code (comments aside) is ${shorten(enLines[lineIndex] ?? '(end of block)')} in English, ${shorten(zhLines[lineIndex] ?? '(end of block)')} in Chinese`;
}

/**
 * What differs between an English doc and its Chinese twin, as sentences that say where. Empty when the
 * twin keeps the same headings (count and levels), the same code blocks (their comments translated), the same
 * link targets, and every inline code span of the English text.
 */
export function twinDifferences(en: Doc, zh: Doc, twinned: ReadonlySet<string>): string[] {
  const enOutline = outline(en.text);
  const zhOutline = outline(zh.text);
  const problems: string[] = [];

  const { headings: enHeadings } = enOutline;
  const { headings: zhHeadings } = zhOutline;
  const headingAt = enHeadings.findIndex((heading, i) => heading.level !== zhHeadings[i]?.level);
  if (enHeadings.length !== zhHeadings.length || headingAt >= 0) {
    const i = headingAt >= 0 ? headingAt : Math.min(enHeadings.length, zhHeadings.length);
    const describe = (list: typeof enHeadings, file: string) =>
      list[i] ? `"${'#'.repeat(list[i].level)} ${list[i].text}" (${file}:${list[i].line})` : '(none)';
    problems.push(
      `headings: ${enHeadings.length} in ${en.path}, ${zhHeadings.length} in ${zh.path}; the first that differs is heading ${i + 1}: ` +
        `${describe(enHeadings, en.path)} vs ${describe(zhHeadings, zh.path)}`,
    );
  }

  const { codeBlocks: enBlocks } = enOutline;
  const { codeBlocks: zhBlocks } = zhOutline;
  for (let i = 0; i < Math.max(enBlocks.length, zhBlocks.length); i++) {
    const enBlock = enBlocks[i];
    const zhBlock = zhBlocks[i];
    const difference = enBlock && zhBlock
      ? codeBlockDifference(i, enBlock, zhBlock, en.path, zh.path)
      : `code blocks: ${enBlocks.length} in ${en.path}, ${zhBlocks.length} in ${zh.path}; block ${i + 1} is ` +
        (enBlock ? `${en.path}:${enBlock.line} (\`\`\`${enBlock.lang}), missing in Chinese` : `${zh.path}:${zhBlock?.line}, not in English`);
    if (difference) {
      problems.push(difference);
      break;
    }
  }

  const enLinks = resolvedLinks(en, twinned, enOutline);
  const zhLinks = resolvedLinks(zh, twinned, zhOutline);
  for (let i = 0; i < Math.max(enLinks.length, zhLinks.length); i++) {
    const enLink = enLinks[i];
    const zhLink = zhLinks[i];
    if (enLink?.canonical === zhLink?.canonical && enLink?.image === zhLink?.image) continue;
    const describe = (link: ResolvedLink | undefined, file: string) =>
      link ? `${link.image ? 'image' : 'link'} ${link.target} (${file}:${link.line})` : '(none)';
    problems.push(
      `links: ${enLinks.length} in ${en.path}, ${zhLinks.length} in ${zh.path}; the first that differs is link ${i + 1}: ` +
        `${describe(enLink, en.path)} vs ${describe(zhLink, zh.path)}`,
    );
    break;
  }

  // Tables say what a doc is about in code spans (a property, an event, a token, an error code): a row added in
  // English changes no heading, block or link, so each span must also be in the Chinese text somewhere.
  const zhSpans = new Set(zhOutline.inlineCode.map((span) => span.text));
  const missing = enOutline.inlineCode.filter((span, i, all) => !zhSpans.has(span.text) && all.findIndex((other) => other.text === span.text) === i);
  if (missing.length > 0) {
    const listed = missing.slice(0, 5).map((span) => `\`${span.text}\` (${en.path}:${span.line})`).join(', ');
    problems.push(`code spans: ${missing.length} of ${en.path} not in ${zh.path}: ${listed}${missing.length > 5 ? ', …' : ''}`);
  }
  return problems;
}

/**
 * Link problems of one doc on its own: local targets that do not exist, anchors no heading makes, a missing
 * link to its twin near the top, and links that leave the reader's language (a Chinese doc pointing at an
 * English doc that has a Chinese twin, or the reverse), the link between the twins themselves excepted.
 */
export function linkProblems(root: string, doc: Doc, twinned: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const parsed = outline(doc.text);
  const isChinese = doc.path.endsWith(ZH_SUFFIX);
  const twin = isChinese ? englishPathOf(doc.path) : zhTwinPath(doc.path);
  const links = resolvedLinks(doc, twinned, parsed);

  if (twinned.has(englishPathOf(doc.path)) && !links.some((link) => link.file === twin && link.line <= TWIN_LINK_LINES)) {
    const expected = path.posix.basename(twin);
    problems.push(`${doc.path}: no link to ${twin} in its first ${TWIN_LINK_LINES} lines (add "${isChinese ? 'English' : '中文文档'}: [${expected}](${expected})")`);
  }

  for (const link of links) {
    if (!link.file) continue;
    const where = `${doc.path}:${link.line}: ${link.target}`;
    const absolute = path.join(root, link.file);
    if (!fs.existsSync(absolute)) {
      problems.push(`${where}: no such file`);
      continue;
    }
    if (link.file.endsWith('.md') && link.file !== twin) {
      const targetIsChinese = link.file.endsWith(ZH_SUFFIX);
      if (isChinese && !targetIsChinese && twinned.has(link.file)) problems.push(`${where}: link the Chinese twin, ${zhTwinPath(link.file)}`);
      if (!isChinese && targetIsChinese) problems.push(`${where}: link the English doc, ${englishPathOf(link.file)}`);
    }
    if (link.fragment !== undefined && link.file.endsWith('.md')) {
      const targetText = link.file === doc.path ? doc.text : fs.readFileSync(absolute, 'utf8');
      if (!anchors(outline(targetText).headings).has(link.fragment)) problems.push(`${where}: no heading in ${link.file} has the anchor #${link.fragment}`);
    }
  }
  return problems;
}
