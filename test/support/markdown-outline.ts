/**
 * The parts of a markdown document that a translation must keep: headings, fenced code blocks and link
 * targets, each with its 1-based line number. Enough of CommonMark for this repository's docs (ATX
 * headings, backtick or tilde fences, inline links and images, one-line code spans), not a general parser.
 */

export interface Heading {
  level: number;
  text: string;
  line: number;
}

export interface CodeBlock {
  lang: string;
  content: string;
  line: number;
}

export interface Link {
  target: string;
  image: boolean;
  line: number;
}

export interface InlineCode {
  text: string;
  line: number;
}

export interface Outline {
  headings: Heading[];
  codeBlocks: CodeBlock[];
  links: Link[];
  /** `code` spans of the prose and tables: property, event, token and command names. */
  inlineCode: InlineCode[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const INLINE_CODE = /(`+)([^`]*?)\1/g;
// [text](target "title") or ![alt](target); the text may hold one level of brackets.
const LINK = /(!?)\[(?:[^[\]]|\[[^\]]*\])*\]\(\s*<?([^\s)>]*)>?(?:\s+"[^"]*")?\s*\)/g;

export function outline(markdown: string): Outline {
  const result: Outline = { headings: [], codeBlocks: [], links: [], inlineCode: [] };
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let fence: { marker: string; block: CodeBlock; body: string[] } | undefined;

  lines.forEach((text, index) => {
    const line = index + 1;
    const fenceMatch = FENCE.exec(text);
    if (fence) {
      const closes = fenceMatch && fenceMatch[1][0] === fence.marker[0] && fenceMatch[1].length >= fence.marker.length && fenceMatch[2] === '';
      if (closes) {
        fence.block.content = fence.body.join('\n');
        result.codeBlocks.push(fence.block);
        fence = undefined;
      } else {
        fence.body.push(text);
      }
      return;
    }
    if (fenceMatch) {
      fence = { marker: fenceMatch[1], block: { lang: fenceMatch[2], content: '', line }, body: [] };
      return;
    }
    const heading = HEADING.exec(text);
    if (heading) result.headings.push({ level: heading[1].length, text: heading[2], line });
    for (const match of text.matchAll(INLINE_CODE)) result.inlineCode.push({ text: match[2], line });
    // Brackets inside inline code (`SessionSummary[]`, `[dir]`) are not links.
    const prose = text.replace(INLINE_CODE, (code) => 'x'.repeat(code.length));
    for (const match of prose.matchAll(LINK)) result.links.push({ target: match[2], image: match[1] === '!', line });
  });
  if (fence) throw new Error(`Unclosed code fence opened on line ${fence.block.line}`);
  return result;
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
export function githubSlug(headingText: string): string {
  return headingText
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor of a document, with GitHub's -1, -2 … suffixes on repeated headings. */
export function anchors(headings: readonly Heading[]): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const { text } of headings) {
    const slug = githubSlug(text);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return result;
}
