/**
 * The Chinese docs are twins of the English ones: same headings, same code blocks (comments translated), same
 * links, and every `code` span of the English text (names of properties, events, tokens) somewhere in the
 * Chinese. When this fails after an edit of an English doc, the message names the doc and the first thing
 * that differs: make the same change in its README.zh-CN.md (or *.zh-CN.md) twin.
 *
 * And every Chinese text reads as written in Chinese (docs/terms.zh-CN.md): the docs, the generated README's
 * template and the string tables of the scaffolder, the simulator, its console and the kit.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { docsNeedingTwin, englishPathOf, linkProblems, markdownFiles, twinDifferences, ZH_SUFFIX, zhTwinPath, type Doc } from '../support/doc-twins';
import { anchors, githubSlug, outline } from '../support/markdown-outline';
import { ejsAsMarkdown, markdownPieces, stringTablePieces, termRules, zhStyleProblems, type ZhText } from '../support/zh-style';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string): Doc => ({ path: file, text: fs.readFileSync(path.join(ROOT, file), 'utf8') });

const files = markdownFiles(ROOT);
const twinned = new Set(files.filter((file) => files.includes(zhTwinPath(file))));
const pairs = [...twinned].map((english) => [english, zhTwinPath(english)]);

test('every README.md and every doc under docs/ has a Chinese twin', () => {
  const missing = docsNeedingTwin(files).filter((file) => !twinned.has(file)).map((file) => `${file}: add ${zhTwinPath(file)}`);
  expect(missing).toEqual([]);
  expect(files).toContain('README.zh-CN.md');
});

test('every Chinese doc is the twin of an English doc', () => {
  const orphans = files.filter((file) => file.endsWith(ZH_SUFFIX) && !files.includes(englishPathOf(file)));
  expect(orphans).toEqual([]);
});

test.each(pairs)('%s and %s keep the same headings, code blocks, links and code spans', (english, chinese) => {
  expect(twinDifferences(read(english), read(chinese), twinned)).toEqual([]);
});

test.each(pairs.flat())('%s: links resolve, anchors exist, the twin is linked at the top', (file) => {
  expect(linkProblems(ROOT, read(file), twinned)).toEqual([]);
});

const TERMS = termRules(read('docs/terms.zh-CN.md').text);
const ZH_TEMPLATES = ['templates/common/README.zh-CN.md.ejs', 'templates/subpackage/README.zh-CN.md.ejs'];
/** The code's tables of Chinese texts, each read at its Chinese table (a variable ZH_CN / zhCN, or a 'zh-CN' or zh key). */
const STRING_TABLES = [
  'create/messages.ts',
  'create/help-texts.ts',
  'create/app-tests.ts',
  'dev-server/startup-texts.ts',
  'dev-server/cli-options.ts',
  'dev-server/console/texts.js',
  'src/common/locale.ts',
  'src/components/video-panel/texts.ts',
];

function markdownProblems(file: string, markdown: string): string[] {
  const { pieces, breaks } = markdownPieces(file, markdown);
  return [...zhStyleProblems(pieces, TERMS), ...breaks];
}

describe('Chinese text follows docs/terms.zh-CN.md', () => {
  test('the terms table is read: every row avoids something', () => {
    expect(TERMS.length).toBeGreaterThanOrEqual(10);
    expect(TERMS.filter((rule) => rule.avoid.length === 0)).toEqual([]);
    expect(TERMS.find((rule) => rule.avoid.includes('坐席'))?.use).toBe('座席');
  });

  test.each(files.filter((file) => file.endsWith(ZH_SUFFIX)))('%s', (file) => {
    expect(markdownProblems(file, read(file).text)).toEqual([]);
  });

  test.each(ZH_TEMPLATES)('%s (the generated README)', (file) => {
    expect(markdownProblems(file, ejsAsMarkdown(read(file).text))).toEqual([]);
  });

  test.each(STRING_TABLES)('%s (its Chinese strings)', (file) => {
    const pieces = stringTablePieces(file, read(file).text);
    expect(pieces?.length).toBeGreaterThan(0);
    expect(zhStyleProblems(pieces ?? [], TERMS)).toEqual([]);
  });

  describe('the checks catch', () => {
    const prose = (text: string, kind: ZhText['kind'] = 'prose') => zhStyleProblems([{ file: 'x.zh-CN.md', line: 1, text, kind }], TERMS);

    test('a term off the table, but not inside one of its exceptions', () => {
      expect(prose('在坐席控制台接听')).toEqual(['x.zh-CN.md:1: "坐席": write 座席 (docs/terms.zh-CN.md) in "在坐席控制台接听"']);
      expect(prose('把后台服务地址写进 config.js')).toHaveLength(1);
      expect(prose('切到后台后，语音通话继续；视频通话的摄像头在后台会被停止')).toEqual([]);
      expect(prose('本地模拟器或自建后端（开放 SDK）')[0]).toContain('"开放 SDK": write 开放内核');
      expect(prose('按 Ctrl-C 停止服务。')[0]).toContain('"Ctrl-C": write Ctrl+C');
      expect(prose('SDKAppID 只能是数字，收到的是 abc。')[0]).toContain('"收到的是"');
    });

    test('an English sentence left in, not a name, a command or a quoted original', () => {
      expect(prose('然后 tap the call button。')).toEqual(['x.zh-CN.md:1: English left in: "tap the call button"']);
      expect(prose('通过 Tencent Cloud Contact Center 呼叫，运行 npm run simulator -- --host 0.0.0.0。')).toEqual([]);
      expect(prose('微信返回“privacy permission is not authorized”。')).toEqual([]);
      expect(prose('here, once', 'comment')).toEqual(['x.zh-CN.md:1: English left in: "here, once"']);
      expect(prose("'speaker' | 'ear'；写 'loud' 无法通过编译", 'comment')).toEqual([]);
    });

    test('half-width punctuation after Chinese, spaces around full-width punctuation, UI labels set off by spaces', () => {
      expect(prose('用法: create-tccc-miniprogram')[0]).toContain('half-width punctuation after Chinese');
      expect(prose('用法： create-tccc-miniprogram')[0]).toContain('a space after full-width punctuation');
      expect(prose('模板只能是 audio ，video')[0]).toContain('a space before full-width punctuation');
      expect(prose('然后点 工具 → 构建 npm')[0]).toContain('a space between Chinese characters');
      expect(prose('然后点击「工具 → 构建 npm」。')).toEqual([]);
    });

    test('a line break inside a Chinese paragraph, English comments in a Chinese code block', () => {
      const markdown = ['# 标题', '', '请先完成声明，位置在', '微信公众平台。', '', '```bash', 'npm install   # here, once', 'npm test      # 构建并运行全部测试', '```', ''].join('\n');
      expect(markdownProblems('x.zh-CN.md', markdown)).toEqual([
        'x.zh-CN.md:7: English left in: "here, once"',
        'x.zh-CN.md:3: a line break inside a paragraph after "声明，位置在" shows as a space: join the lines',
      ]);
    });

    test('the Chinese table of a string file, keys and regular expressions left out', () => {
      const source = [
        "const EN_US = { title: 'Next:' };",
        "const ZH_CN = { titles: { 'Usage:': '用法：' }, error: (line: string) => /^error: (.+)/.test(line) ? `错误：${line}` : '后台地址：' };",
      ].join('\n');
      const pieces = stringTablePieces('t.ts', source) ?? [];
      expect(pieces.map((piece) => piece.text)).toEqual(['用法：', '错误：\uE000', '后台地址：']);
      expect(zhStyleProblems(pieces, TERMS)).toEqual([expect.stringContaining('t.ts:2: "后台": write 后端')]);
      expect(stringTablePieces('none.ts', "const EN_US = { title: 'Next:' };")).toBeUndefined();
    });
  });
});

describe('the comparison catches drift', () => {
  const en: Doc = {
    path: 'docs/guide.md',
    text: [
      '# Guide',
      '',
      '中文文档: [guide.zh-CN.md](guide.zh-CN.md)',
      '',
      '## Install',
      '',
      '```bash',
      'npm install tccc-wx-sdk',
      '```',
      '',
      'See [the protocol](protocol.md#http), ![a picture](shots/a.png) and `[dir]`.',
      '',
    ].join('\n'),
  };
  const zh: Doc = {
    path: 'docs/guide.zh-CN.md',
    text: [
      '# 指南',
      '',
      'English: [guide.md](guide.md)',
      '',
      '## 安装',
      '',
      '```bash',
      'npm install tccc-wx-sdk',
      '```',
      '',
      '参见[协议](protocol.zh-CN.md#http-接口)、![示意图](shots/a.png)和 `[dir]`。',
      '',
    ].join('\n'),
  };
  const both = new Set(['docs/guide.md', 'docs/protocol.md']);
  const edit = (doc: Doc, from: string, to: string): Doc => ({ ...doc, text: doc.text.replace(from, to) });

  test('a faithful twin passes', () => {
    expect(twinDifferences(en, zh, both)).toEqual([]);
  });

  test('a changed command names the block, both lines and what differs', () => {
    const [problem] = twinDifferences(edit(en, 'npm install tccc-wx-sdk', 'npm install tccc-wx-sdk@next'), zh, both);
    expect(problem).toBe('code block 1 (docs/guide.md:7, docs/guide.zh-CN.md:7): line 1 of the code (comments aside) is "npm install tccc-wx-sdk@next" in English, "npm install tccc-wx-sdk" in Chinese');
  });

  test('a translated comment is not a difference; changed code beside it is', () => {
    const commented = edit(en, 'npm install tccc-wx-sdk', 'npm install tccc-wx-sdk   # the core');
    expect(twinDifferences(commented, edit(zh, 'npm install tccc-wx-sdk', 'npm install tccc-wx-sdk   # 内核'), both)).toEqual([]);
    expect(twinDifferences(commented, edit(zh, 'npm install tccc-wx-sdk', 'npm install tccc-wx-sdk@next   # 内核'), both)[0]).toContain(
      'line 1 of the code (comments aside) is "npm install tccc-wx-sdk" in English, "npm install tccc-wx-sdk@next" in Chinese',
    );
  });

  test('a changed fence language is reported', () => {
    expect(twinDifferences(en, edit(zh, '```bash', '```sh'), both)).toEqual([
      'code block 1 (docs/guide.md:7, docs/guide.zh-CN.md:7): language `bash` in English, `sh` in Chinese',
    ]);
  });

  test('a new code block in English only is reported as missing in Chinese', () => {
    const [problem] = twinDifferences({ ...en, text: `${en.text}\n\`\`\`json\n{}\n\`\`\`\n` }, zh, both);
    expect(problem).toMatch(/^code blocks: 2 in docs\/guide\.md, 1 in docs\/guide\.zh-CN\.md; block 2 is docs\/guide\.md:\d+ \(```json\), missing in Chinese$/);
  });

  test('an added heading or a changed level is reported with both headings', () => {
    expect(twinDifferences({ ...en, text: `${en.text}\n## Uninstall\n` }, zh, both)).toEqual([
      'headings: 3 in docs/guide.md, 2 in docs/guide.zh-CN.md; the first that differs is heading 3: "## Uninstall" (docs/guide.md:13) vs (none)',
    ]);
    expect(twinDifferences(en, edit(zh, '## 安装', '### 安装'), both)[0]).toContain('heading 2: "## Install" (docs/guide.md:5) vs "### 安装" (docs/guide.zh-CN.md:5)');
  });

  test('a code span added in English only (a new table row, say) is reported with its line', () => {
    const withRow = edit(en, 'and `[dir]`.', 'and `[dir]`.\n\n| `--overwrite` | empty the directory first |');
    expect(twinDifferences(withRow, zh, both)).toEqual(['code spans: 1 of docs/guide.md not in docs/guide.zh-CN.md: `--overwrite` (docs/guide.md:13)']);
  });

  test('a changed or missing link target is reported; twin paths and translated anchors are not', () => {
    expect(twinDifferences(edit(en, 'shots/a.png', 'shots/b.png'), zh, both)).toEqual([
      'links: 3 in docs/guide.md, 3 in docs/guide.zh-CN.md; the first that differs is link 3: image shots/b.png (docs/guide.md:11) vs image shots/a.png (docs/guide.zh-CN.md:11)',
    ]);
    expect(twinDifferences(en, edit(zh, '![示意图](shots/a.png)', '示意图'), both)[0]).toContain('link 3: image shots/a.png (docs/guide.md:11) vs (none)');
    // protocol.md without a twin: the anchor is part of the target and must match.
    expect(twinDifferences(en, zh, new Set(['docs/guide.md']))[0]).toContain('link 2: link protocol.md#http');
  });
});

test('link problems: a missing twin link, a link out of the reader\'s language, a dead anchor, a missing file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-i18n-'));
  try {
    const write = (file: string, text: string) => fs.writeFileSync(path.join(dir, file), text);
    write('a.md', '# A\n\n中文文档: [a.zh-CN.md](a.zh-CN.md)\n\n## Usage\n');
    write('a.zh-CN.md', '# A\n\n## 用法\n\n\n\nSee [b](b.md), [usage](a.md#usage), [missing](c.md).\n');
    write('b.md', '# B\n');
    write('b.zh-CN.md', '# B\n');
    const docs = new Set(['a.md', 'b.md']);
    const zh: Doc = { path: 'a.zh-CN.md', text: fs.readFileSync(path.join(dir, 'a.zh-CN.md'), 'utf8') };
    expect(linkProblems(dir, zh, docs)).toEqual([
      'a.zh-CN.md: no link to a.md in its first 5 lines (add "English: [a.md](a.md)")',
      'a.zh-CN.md:7: b.md: link the Chinese twin, b.zh-CN.md',
      'a.zh-CN.md:7: c.md: no such file',
    ]);
    const en: Doc = { path: 'a.md', text: '# A\n\n中文文档: [a.zh-CN.md](a.zh-CN.md)\n\n[x](#usage) [y](#nothing) [z](b.zh-CN.md)\n\n## Usage\n' };
    expect(linkProblems(dir, en, docs)).toEqual([
      'a.md:5: #nothing: no heading in a.md has the anchor #nothing',
      'a.md:5: b.zh-CN.md: link the English doc, b.md',
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('markdown outline', () => {
  test('headings and links inside code fences and inline code are not counted', () => {
    const parsed = outline(['# Title', '```md', '# not a heading', '[not](a-link)', '```', '`[x](y)` [real](z.md)', ''].join('\n'));
    expect(parsed.headings.map((heading) => heading.text)).toEqual(['Title']);
    expect(parsed.codeBlocks).toEqual([{ lang: 'md', content: '# not a heading\n[not](a-link)', line: 2 }]);
    expect(parsed.links.map((link) => link.target)).toEqual(['z.md']);
    expect(parsed.inlineCode).toEqual([{ text: '[x](y)', line: 6 }]);
  });

  test('anchors follow GitHub: punctuation dropped, CJK kept, repeats numbered', () => {
    expect(githubSlug('Scaffolder, `create-tccc-miniprogram`')).toBe('scaffolder-create-tccc-miniprogram');
    expect(githubSlug('Agent API (simulator only)')).toBe('agent-api-simulator-only');
    expect(githubSlug('模拟器专用的座席 API')).toBe('模拟器专用的座席-api');
    expect([...anchors(outline('## Events\n## Events\n').headings)]).toEqual(['events', 'events-1']);
  });
});
