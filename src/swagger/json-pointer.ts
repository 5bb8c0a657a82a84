/**
 * JSON pointers (RFC 6901) as the validators and the recordings check write them: '' is the
 * root, '/a~1b/0' the segments 'a/b' and '0'. Free of dependencies, so any bundle can use them.
 */

/** One segment as written in a pointer: ~1 and ~0 unescaped. */
export function unescapeSegment(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(unescapeSegment);
}

export function pointerOf(...segments: (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The value at `pointer` in `data` (undefined where a segment leads nowhere). */
export function valueAt(data: unknown, pointer: string): unknown {
  let cur = data;
  for (const key of pointerSegments(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
