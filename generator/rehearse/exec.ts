import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

/**
 * Runs a program without a shell; the environment is the caller's plus `env`. `stdinFile` feeds a
 * file as standard input without reading it into memory (a restored dump can be large).
 */
export function run(
  command: string,
  args: string[],
  options: { env?: Record<string, string>; input?: string; stdinFile?: string; timeoutSeconds?: number } = {},
): Result {
  const started = process.hrtime.bigint();
  const stdin = options.stdinFile ? openSync(options.stdinFile, 'r') : undefined;
  const result = spawnSync(command, args, {
    env: { ...process.env, ...options.env },
    input: options.input,
    ...(stdin === undefined ? {} : { stdio: [stdin, 'pipe', 'pipe'] }),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: (options.timeoutSeconds ?? 1800) * 1000,
  });
  if (stdin !== undefined) closeSync(stdin);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const code = result.status ?? (result.error ? 127 : 128);
  return { code, stdout: result.stdout ?? '', stderr: (result.stderr ?? '') + (result.error ? String(result.error.message) : ''), seconds };
}
