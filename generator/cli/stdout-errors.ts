/**
 * What happens when stdout goes away: a reader that stopped (`| head -1`) is not an error, so
 * Leapfrog exits quietly; a full disk or a closed terminal is, and says so in one line.
 */
export function handleStdoutErrors(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`leapfrog: cannot write the output (${error.code ?? error.message})\n`);
    process.exit(1);
  });
}
