// Guards for JSON-with-comments input: jsonc-parser recurses per nesting level, so a hostile file
// nested thousands deep would overflow the stack. Every parse of untrusted JSON checks this first.

/** Deeper than any real settings, policy or manifest file; far below the parser's stack limit. */
export const MAX_JSON_DEPTH = 128;

/** Offset where bracket nesting first exceeds `max` (outside strings), or -1. Linear time. */
export function nestingBeyond(text: string, max: number = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

/** True when a JSON text nests deeper than a recursive parser can safely follow. */
export function jsonTooDeep(text: string): boolean {
  return nestingBeyond(text) >= 0;
}
