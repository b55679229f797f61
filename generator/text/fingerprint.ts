/**
 * A 64-bit fingerprint of text, as 16 hex digits (cyrb53's two multiply-xor lanes, by bryc, public
 * domain, kept whole): names for cache files that only this checkout writes and reads, where a
 * collision would cost a stale cache, not a forged one. Node's crypto module would do as well, but
 * loading it compiles some 20 internal modules: more than the rest of a snapshot key costs.
 */
export function fingerprint(...parts: string[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const part of parts) {
    // Each part ends with a 0x10000 (no UTF-16 unit has it), so ('ab', 'c') and ('a', 'bc') differ.
    for (let i = 0; i <= part.length; i++) {
      const c = i < part.length ? part.charCodeAt(i) : 0x10000;
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
