import { UsageError } from '../errors.ts';
import { UTILITY_METHODS, type UtilityMethod } from '../plan/utility/method.ts';

// Read off the module itself: importing node:util (or copying its exports, as a bundle does)
// evaluates its lazy parts, some 30 internal modules, on every start.
const { parseArgs } = process.getBuiltinModule('node:util');

export const USAGE = `Usage:
  leapfrog runbook --from <series> --to <series> [--services a,b] [--fewest-stops] [--utility venv|container] [--format md|json] [--out FILE]
  leapfrog path --from <series> --to <series> [--services a,b] [--fewest-stops]
  leapfrog validate
  leapfrog rehearse --from <series> --to <series> [--fewest-stops] [--db URL]   (see leapfrog rehearse --help)
Every command takes --content DIR (default: the content/ folder of this checkout).
Series: code name or version, any case (ocata, Ocata, 2017.1, gazpacho, 2026.1).`;

export interface Args {
  command: 'runbook' | 'path' | 'validate' | 'help';
  from?: string;
  to?: string;
  services?: string[];
  fewestStops: boolean;
  utility: UtilityMethod;
  format: 'md' | 'json';
  out?: string;
  content?: string;
}

const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  services: { type: 'string' },
  'fewest-stops': { type: 'boolean', default: false },
  format: { type: 'string', default: 'md' },
  utility: { type: 'string', default: 'venv' },
  out: { type: 'string' },
  content: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Which options each command accepts; anything else is a mistake worth saying. */
const ALLOWED: Record<Args['command'], string[]> = {
  runbook: ['from', 'to', 'services', 'fewest-stops', 'utility', 'format', 'out', 'content'],
  path: ['from', 'to', 'services', 'fewest-stops', 'content'],
  validate: ['content'],
  help: [],
};

export function parseCli(argv: string[]): Args {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(parseError(error as NodeJS.ErrnoException));
  }
  const { values, positionals } = parsed;
  const command = (values.help || positionals.length === 0 ? 'help' : positionals[0]) as Args['command'];
  if (!Object.hasOwn(ALLOWED, command)) throw new UsageError(`Unknown command "${positionals[0]}", expected runbook, path or validate\n${USAGE}`);
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}"\n${USAGE}`);
  for (const [key, value] of Object.entries(values)) {
    const option = OPTIONS[key as keyof typeof OPTIONS] as { default?: unknown };
    const isDefault = value === option.default;
    if (key !== 'help' && !isDefault && !ALLOWED[command].includes(key)) throw new UsageError(`Option --${key} does not apply to "${command}"\n${USAGE}`);
  }
  if (command === 'runbook' || command === 'path') {
    if (!values.from) throw new UsageError(`Missing --from <series>\n${USAGE}`);
    if (!values.to) throw new UsageError(`Missing --to <series>\n${USAGE}`);
  }
  if (values.services !== undefined && !values.services.split(',').some((s) => s.trim())) {
    throw new UsageError(`Empty --services "${values.services}": expected service ids, e.g. --services nova,cinder (leave it out for all services)`);
  }
  if (values.format !== 'md' && values.format !== 'json') throw new UsageError(`Unknown --format "${values.format}", expected md or json`);
  if (!(UTILITY_METHODS as readonly string[]).includes(values.utility)) {
    throw new UsageError(
      `Unknown --utility "${values.utility}", expected ${UTILITY_METHODS.join(' or ')} (venv: a virtualenv per stop on a host of that stop's OS; container: an image per service and stop)`,
    );
  }
  return {
    command,
    from: values.from,
    to: values.to,
    services: values.services
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    fewestStops: values['fewest-stops'],
    utility: values.utility as UtilityMethod,
    format: values.format,
    out: values.out,
    content: values.content,
  };
}

/** node's parseArgs messages, said the way Leapfrog says them, with the way to the help. */
function parseError(error: NodeJS.ErrnoException): string {
  const option = /'(-[^' ]*)/.exec(error.message)?.[1] ?? '';
  const known = Object.keys(OPTIONS)
    .map((o) => `--${o}`)
    .join(', ');
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Unknown option ${option}, expected one of: ${known} (see leapfrog --help)`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `Option ${option} needs a value (see leapfrog --help)`;
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `Unexpected argument (see leapfrog --help)`;
  return `${error.message.split('\n')[0]} (see leapfrog --help)`;
}
