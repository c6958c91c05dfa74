// Where JSON text stops being JSON. V8's JSON.parse messages give no position and quote the text around
// the mistake (a policy file can hold anything), so errors are placed with this scanner instead. It
// follows RFC 8259's grammar without recursion, so no nesting depth can overflow the stack.

const SPACE = /[ \t\n\r]*/y;
// eslint-disable-next-line no-control-regex -- a JSON string may not hold these unescaped
const STRING = /"(?:[^"\\\u0000-\u001f]+|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/** The offset of the first character that is not valid JSON; undefined for valid JSON. */
export function jsonErrorOffset(text: string): number | undefined {
  let at = 0;
  const open: ('{' | '[')[] = [];
  const skipSpace = () => {
    SPACE.lastIndex = at;
    SPACE.test(text);
    at = SPACE.lastIndex;
  };
  const take = (token: RegExp) => {
    token.lastIndex = at;
    if (!token.test(text)) return false;
    at = token.lastIndex;
    return true;
  };
  /** `"key":` of an object member. */
  const takeKey = () => {
    skipSpace();
    if (!take(STRING)) return false;
    skipSpace();
    if (text[at] !== ':') return false;
    at++;
    return true;
  };
  for (;;) {
    // A value.
    skipSpace();
    const first = text[at];
    if (first === '{' || first === '[') {
      at++;
      skipSpace();
      if (text[at] === (first === '{' ? '}' : ']')) at++;
      else {
        open.push(first);
        if (first === '{' && !takeKey()) return at;
        continue;
      }
    } else if (!(take(STRING) || take(NUMBER) || take(LITERAL))) return at;
    // After a value: close what it ends, then a comma starts the next one.
    for (;;) {
      skipSpace();
      const container = open.at(-1);
      if (container === undefined) return at < text.length ? at : undefined;
      if (text[at] === (container === '{' ? '}' : ']')) {
        open.pop();
        at++;
        continue;
      }
      if (text[at] !== ',') return at;
      at++;
      if (container === '{' && !takeKey()) return at;
      break;
    }
  }
}

/** The 1-based line and column of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
