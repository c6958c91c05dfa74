/** Parses a runner command file (GITHUB_OUTPUT, GITHUB_STATE): `name<<DELIMITER`, lines, `DELIMITER`. */
export function parseCommandFile(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const value: string[] = [];
    while (lines[++i] !== match[2]) value.push(lines[i] ?? '');
    result[match[1]!] = value.join('\n');
  }
  return result;
}
