import { spawnSync } from 'node:child_process';

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** Runs a program without a shell; the environment is the caller's plus `env`. */
export function run(command: string, args: string[], options: { env?: Record<string, string>; input?: string; timeoutSeconds?: number } = {}): Result {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    env: { ...process.env, ...options.env },
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: (options.timeoutSeconds ?? 1800) * 1000,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const code = result.status ?? (result.error ? 127 : 128);
  return { code, stdout: result.stdout ?? '', stderr: (result.stderr ?? '') + (result.error ? String(result.error.message) : ''), seconds };
}
