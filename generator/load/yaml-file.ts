import { LineCounter, parseDocument, isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import type { Problem } from '../problem.ts';

/** Content files are small; anything larger is a mistake or an attack, refused before parsing. */
export const MAX_FILE_BYTES = 256 * 1024;
/** Aliases are not needed in content; a few are tolerated, a "billion laughs" is refused. */
export const MAX_ALIASES = 20;

export type YamlPath = readonly (string | number)[];

/** A parsed YAML file that can still say where each value came from. */
export class YamlFile {
  readonly file: string;
  readonly data: unknown;
  private readonly doc: Document;
  private readonly lines: LineCounter;

  constructor(file: string, doc: Document, lines: LineCounter, data: unknown) {
    this.file = file;
    this.doc = doc;
    this.lines = lines;
    this.data = data;
  }

  /** A problem at `path` (or at the nearest existing parent); `at: 'key'` points at a map key. */
  problem(path: YamlPath, ruleId: string, message: string, at: 'value' | 'key' = 'value'): Problem {
    const offset = this.offsetOf(path, at);
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, column: col, ruleId, message };
  }

  private offsetOf(path: YamlPath, at: 'value' | 'key'): number {
    for (let n = path.length; n >= 0; n--) {
      const parentPath = path.slice(0, Math.max(0, n - 1));
      const parent = parentPath.length ? this.doc.getIn(parentPath, true) : this.doc.contents;
      if (n > 0 && isMap(parent)) {
        const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === path[n - 1]);
        if (pair && isPair(pair)) {
          const target = (at === 'key' && n === path.length) || !pair.value ? pair.key : pair.value;
          const range = (target as Node | null)?.range;
          if (range) return range[0];
        }
      }
      const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      const range = (node as Node | null | undefined)?.range;
      if (range) return range[0];
    }
    return 0;
  }
}

/** Parse one file's text; syntax errors come back as problems, never as exceptions. */
export function parseYamlFile(file: string, text: string): { yaml?: YamlFile; problems: Problem[] } {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_FILE_BYTES) {
    return {
      problems: [
        {
          file,
          line: 1,
          column: 1,
          ruleId: 'file-too-large',
          message: `File is ${bytes} bytes, expected at most ${MAX_FILE_BYTES}: split it into smaller files`,
        },
      ],
    };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: false });
  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((e) => {
    const { line, col } = lines.linePos(e.pos[0]);
    return { file, line, column: col, ruleId: 'yaml-syntax', message: `YAML: ${firstLine(e.message)}` };
  });
  if (doc.errors.length) return { problems };
  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    return { yaml: new YamlFile(file, doc, lines, data), problems };
  } catch (error) {
    return {
      problems: [
        ...problems,
        {
          file,
          line: 1,
          column: 1,
          ruleId: 'yaml-aliases',
          message: `YAML: ${firstLine((error as Error).message)}; expected plain values (at most ${MAX_ALIASES} aliases)`,
        },
      ],
    };
  }
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? '').trim();
}
