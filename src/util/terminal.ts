// Text from files and paths can carry terminal control sequences (a directory
// named with ESC]52 can set the clipboard, ESC[2J clears the screen). Every line
// mcp-auto prints or logs goes through here.

// C0 controls but tab, DEL, C1 controls, and the bidi overrides that can make a
// line read as something else (Trojan Source).
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text with every control character shown as a visible escape (\n, \x1b, \u202e). */
export function safeText(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}

/** Several lines: each made safe, the line breaks between them kept. */
export function safeLines(text: string): string {
  return text.split('\n').map(safeText).join('\n');
}
