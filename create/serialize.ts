/**
 * A JavaScript string literal for any input: JSON's escaping plus U+2028/U+2029, which JSON allows raw but
 * older JavaScript engines (and WeChat's on old clients) treat as line breaks inside a string.
 */
export function jsString(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A JSON file's text: two-space indentation and a final newline, as editors write them. */
export function jsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Text for a Markdown table cell or inline code: no pipes, backticks or line breaks from the input. */
export function markdownText(value: string): string {
  return value.replace(/[|`\r\n<>]/g, (char) => `&#${char.charCodeAt(0)};`);
}
