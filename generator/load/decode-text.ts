/**
 * Content files as text, from their bytes: UTF-8 (a leading BOM is dropped) or UTF-16 with its
 * BOM. Anything else is refused with the offset of the first bad byte, instead of silently
 * becoming U+FFFD; CRLF line ends become LF, so a lone CR is left to stand out as unsafe.
 */
export type Decoded = { text: string } | { error: string; line: number; column: number };

export function decodeText(bytes: Uint8Array): Decoded {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xff && b1 === 0xfe) return decode('utf-16le', bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return decode('utf-16be', bytes.subarray(2));
  const body = b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? bytes.subarray(3) : bytes;
  const result = decode('utf-8', body);
  if ('text' in result) return result;
  const offset = firstInvalidUtf8(body);
  const before = body.subarray(0, offset);
  const line = before.filter((b) => b === 0x0a).length + 1;
  const column = offset - before.lastIndexOf(0x0a);
  return {
    error: `File is not valid UTF-8 (byte 0x${(body[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at offset ${offset}), expected UTF-8 text: re-save the file as UTF-8`,
    line,
    column,
  };
}

function decode(encoding: string, bytes: Uint8Array): Decoded {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text: text.replace(/\r\n/g, '\n') };
  } catch {
    return { error: `File is not valid ${encoding.toUpperCase()}, expected UTF-8 text: re-save the file as UTF-8`, line: 1, column: 1 };
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const strict = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (!length) return i;
    try {
      strict.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return 0;
}
