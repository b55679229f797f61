import { writevSync } from 'node:fs';

/**
 * A rendered text as UTF-8 pieces. A shared step's pieces are encoded once per process and recur
 * in hundreds of runbooks; a writer hands them to writev. Joined into one string, every runbook
 * would be a fresh V8 string of two bytes per character (the text holds "→"), allocated and
 * faulted in for each file: in a build of every pair that cost more than planning. The pieces
 * are shared between texts: read them, never write into them.
 */
export class Utf8Text {
  readonly parts: readonly Uint8Array[];
  readonly byteLength: number;

  constructor(parts: readonly Uint8Array[], byteLength: number) {
    this.parts = parts;
    this.byteLength = byteLength;
  }

  /** The whole text as one buffer (for a stream or a hash that wants one). */
  bytes(): Buffer {
    return Buffer.concat(this.parts, this.byteLength);
  }

  toString(): string {
    return this.bytes().toString('utf8');
  }
}

/** Collects a text: small strings are gathered and encoded together, shared pieces kept as they are. */
export class Utf8Builder {
  private readonly parts: Uint8Array[] = [];
  private length = 0;
  private pending = '';

  text(value: string): this {
    this.pending += value;
    return this;
  }

  piece(bytes: Uint8Array): this {
    this.flush();
    this.push(bytes);
    return this;
  }

  /** Another text's pieces, by reference. */
  append(text: Utf8Text): this {
    this.flush();
    for (const part of text.parts) this.push(part);
    return this;
  }

  done(): Utf8Text {
    this.flush();
    return new Utf8Text(this.parts, this.length);
  }

  private flush(): void {
    if (this.pending === '') return;
    this.push(encodeGlue(this.pending));
    this.pending = '';
  }

  private push(bytes: Uint8Array): void {
    this.parts.push(bytes);
    this.length += bytes.byteLength;
  }
}

const SLAB = 256 * 1024;
let slab = Buffer.allocUnsafeSlow(SLAB);
let used = 0;

/**
 * A piece kept for the process (a shared step's text), cut from slabs of kept pieces only: a small
 * Buffer.from is a slice of Node's pool, which one kept slice pins whole, and a Buffer of its own
 * per piece cost ~5 µs each to allocate (10,000s of them in a build).
 */
export function ownBytes(value: string): Uint8Array {
  // UTF-8 takes at most three bytes per UTF-16 code unit.
  if (value.length * 3 > SLAB / 4) return Buffer.from(value, 'utf8');
  if (value.length * 3 > SLAB - used) {
    slab = Buffer.allocUnsafeSlow(SLAB);
    used = 0;
  }
  const written = slab.write(value, used, 'utf8');
  const bytes = slab.subarray(used, used + written);
  used += written;
  return bytes;
}

const GLUE_LENGTH = 200;
const GLUE_LIMIT = 20_000;
const glue = new Map<string, Uint8Array>();

let lastGlue = '';
let lastBytes: Uint8Array = new Uint8Array(0);

/**
 * The text between shared pieces: mostly the same few strings ("\n\n", ",\n", a group heading),
 * and encoding each anew (a native call) cost more than looking it up. Long text is one-off.
 */
function encodeGlue(value: string): Uint8Array {
  if (value.length > GLUE_LENGTH) return Buffer.from(value, 'utf8');
  // The same glue many times running (a blank line between steps): compared, not hashed.
  if (value === lastGlue) return lastBytes;
  let bytes = glue.get(value);
  if (bytes === undefined) {
    if (glue.size >= GLUE_LIMIT) glue.clear();
    bytes = ownBytes(value);
    glue.set(value, bytes);
  }
  lastGlue = value;
  lastBytes = bytes;
  return bytes;
}

/** Writes every byte to `fd` (writev may write less than asked, e.g. to a pipe). */
export function writeUtf8(fd: number, text: Utf8Text): void {
  let parts = [...text.parts];
  while (parts.length > 0) {
    let written = writevSync(fd, parts);
    // Drop what went out; a piece written in part goes on from where the write stopped.
    let i = 0;
    while (i < parts.length && written >= (parts[i] as Uint8Array).byteLength) written -= (parts[i++] as Uint8Array).byteLength;
    parts = parts.slice(i);
    if (written > 0 && parts[0]) parts[0] = parts[0].subarray(written);
  }
}
