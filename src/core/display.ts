/**
 * Text from statements, glossaries and file names made safe to show: in a terminal, a label, a
 * spreadsheet. The one place that decides what is stripped, shown or escaped, so the reports, the
 * outline and the command line treat hostile text alike:
 *
 * - control characters (C0 but tab and line breaks, DEL, C1) are removed, so `ESC c` or `ESC[2J`
 *   in a statement cannot drive the terminal that prints a report;
 * - bidirectional controls are shown as `<U+202E>` instead of being obeyed, so a right-to-left
 *   override cannot make a label read as something it is not;
 * - CSV cells that a spreadsheet would run as a formula start with `'`.
 */

/** C0 controls except tab, line feed and carriage return; DEL; C1 controls (U+0080–U+009F). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Bidirectional formatting characters: marks, embeddings, overrides and isolates. */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** What JSON.stringify leaves raw but a terminal may obey: DEL, C1 controls and bidi controls. */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `U+202E` for a character of the Basic Multilingual Plane. */
function codePoint(ch: string): string {
  return `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Removes control characters (keeps tab, line feed and carriage return). */
export function stripControls(text: string): string {
  return text.replace(CONTROL, '');
}

/** Replaces each bidirectional control with a visible `<U+202E>`. */
export function showBidiControls(text: string): string {
  return text.replace(BIDI_CONTROL, (ch) => `<${codePoint(ch)}>`);
}

/**
 * Text as it may be shown in a terminal or a label: control characters removed, bidirectional
 * controls made visible. Idempotent.
 */
export function displayText(text: string): string {
  CONTROL.lastIndex = 0;
  BIDI_CONTROL.lastIndex = 0;
  // Most text has neither: skip the copies.
  if (!CONTROL.test(text) && !BIDI_CONTROL.test(text)) return text;
  return showBidiControls(stripControls(text));
}

/**
 * JSON text with DEL, C1 and bidirectional controls written as `\u…` escapes. The value is the
 * same (JSON.parse gives back the same strings); only a terminal showing the JSON is protected.
 * Safe on any piece of JSON text, since these characters only occur inside strings.
 */
export function escapeJsonControls(json: string): string {
  JSON_UNSAFE.lastIndex = 0;
  if (!JSON_UNSAFE.test(json)) return json;
  return json.replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Characters that make a spreadsheet read a cell as a formula when they come first (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180 quoting) of display text. A field that a spreadsheet would run as a
 * formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a leading `'` and quotes,
 * so it is shown as text: `=HYPERLINK(…)` becomes `"'=HYPERLINK(…)"`.
 */
export function csvField(value: unknown): string {
  const s = displayText(String(value));
  if (FORMULA_START.test(s)) return `"'${s.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * How much {@link escapeMarkdown} escapes: `all` for text rendered as Markdown from sources not
 * trusted (hovers: glossary text from a workspace, statements), where VS Code's renderer also turns
 * bare URLs into links; `syntax` for reports that people read raw in a terminal as often as
 * rendered, so sentences stay readable.
 */
export type MarkdownEscape = 'all' | 'syntax';

/**
 * Escapes text so Markdown shows it literally — the one Markdown escaper of the project.
 * `all` (the default): every ASCII punctuation character gets a backslash (CommonMark allows that
 * escape for all of them), and indentation at the start of a line is dropped (it would start a
 * code block, where escapes show): nothing in the result can open a link, an image, an autolink,
 * a reference definition, HTML, a heading, a list, a table or a code span. `syntax`: only the
 * characters that would start emphasis, code, a link, an autolink, HTML or a table cell, and the
 * result is made display text ({@link displayText}).
 */
export function escapeMarkdown(text: string, escape: MarkdownEscape = 'all'): string {
  if (escape === 'syntax') return displayText(text.replace(/[\\`*_[\]<>|~]/g, '\\$&'));
  return escapePunctuation(text.replace(/^[ \t]+/gm, ''));
}

/** Backslash-escapes every ASCII punctuation character (for text between Markdown markup of one's own). */
export function escapePunctuation(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** Text for HTML (a webview's report): display text with `&`, `<`, `>`, `"` and `'` escaped, safe in content and quoted attributes. */
export function htmlText(text: string): string {
  return displayText(text).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * A report page for a webview (Compare Commitments, a term's timeline): no script at all, styles only
 * from the page's own `<style>` with the nonce, the editor's theme colours. `title` and `css` are
 * text and trusted CSS; `body` is HTML the caller escaped.
 */
export function reportPage(title: string, nonce: string, css: string, body: string): string {
  const n = htmlText(nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${htmlText(title)}</title>
<style nonce="${n}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 1em 1em; }
th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
${css.trim()}
</style>
</head>
<body>
<h1>${htmlText(title)}</h1>
${body}
</body>
</html>
`;
}
