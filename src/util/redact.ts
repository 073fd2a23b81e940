// What looks like a secret is masked before a line is stored or shown (the
// daemon log, /health's stderr tail): a child's stderr may echo its
// arguments, its environment or a request it made.

const MASK = '[redacted]';

const RULES: Array<[RegExp, string]> = [
  // Authorization: Bearer xyz / Basic xyz / token xyz
  [/\b(authorization\s*[:=]\s*["']?)(?:(bearer|basic|token)\s+)?[^\s"',;]+/gi, `$1$2 ${MASK}`],
  [/\b(bearer|token)\s+[A-Za-z0-9\-._~+/]{8,}=*/gi, `$1 ${MASK}`],
  // NAME_KEY=value, "apiKey": "value", password: value, --client-secret value
  [/(\b[\w.-]*(?:key|token|secret|passw(?:or)?d|pwd|credentials?|auth)\b["']?\s*[:=]\s*["']?)([^\s"',;&}]+)/gi, `$1${MASK}`],
  [/(--[\w-]*(?:key|token|secret|password)[\s=]+)(\S+)/gi, `$1${MASK}`],
  // user:password@ in a URL
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:)[^\s/@]+@/gi, `$1${MASK}@`],
  // Well-known token shapes (GitHub, OpenAI/Anthropic, Slack, AWS, JWT)
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|sk-[A-Za-z0-9_-]{16,}|xox[abposr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+)/g, MASK],
];

/** The line with every secret-looking value replaced by [redacted]. */
export function redact(line: string): string {
  let out = line;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}
