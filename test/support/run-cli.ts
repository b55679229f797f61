import { Writable } from 'node:stream';
import { run } from '../../generator/cli/main.ts';

/** Runs the CLI in-process and captures what it prints. */
export function runCli(argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, done) {
        append(String(chunk));
        done();
      },
    });
  const out = sink((s) => (stdout += s));
  const err = sink((s) => (stderr += s));
  const code = run(argv, out, err);
  return { code, stdout, stderr };
}
