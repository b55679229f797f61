import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONTENT_DIR, loadContent } from '../index.ts';
import type { Server } from './database.ts';
import { rehearseOne, type RootOf, type RunRecord, type RunRequest } from './rehearse-one.ts';

/**
 * A negative control: the content with one deliberate mistake, a min-start that lets a service skip
 * a stop upstream's code needs. A rehearsal that passes it would prove nothing; it must fail.
 */
export interface Control {
  name: string;
  file: string;
  replace: [string, string];
  request: RunRequest;
  /** The stop the mistake skips. */
  skips: string;
}

export const CONTROLS: Control[] = [
  {
    // Keystone 27.0.0 runs alembic only and cannot take a database still under sqlalchemy-migrate,
    // which Victoria's is: claiming Epoxy upgrades Victoria directly skips the Zed stop that converts it.
    name: 'keystone epoxy min-start moved from zed to victoria',
    file: 'series/epoxy/keystone.yaml',
    replace: ['min-start:\n  series: zed\n', 'min-start:\n  series: victoria\n'],
    request: { from: 'victoria', to: 'epoxy', service: 'keystone', policy: 'fewest' },
    skips: 'zed',
  },
];

export interface ControlRecord {
  name: string;
  run: RunRecord;
  /** True when the rehearsal failed, as it must. */
  caught: boolean;
}

/** Copies the content, applies the mistake, and rehearses the pair with it. */
export function runControl(control: Control, server: Server, rootOf: RootOf, redact: (t: string) => string, log: (line: string) => void): ControlRecord {
  const dir = mkdtempSync(join(tmpdir(), 'leapfrog-control-'));
  try {
    cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
    const path = join(dir, control.file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(control.replace[0])) throw new Error(`control "${control.name}": ${control.file} no longer holds the text it changes`);
    writeFileSync(path, text.replace(control.replace[0], control.replace[1]));
    const content = loadContent(dir);
    log(`control: ${control.name} (must fail)`);
    const run = rehearseOne(content, control.request, server, rootOf, redact, log);
    if (!run.stops.length || run.stops.includes(control.skips))
      throw new Error(`control "${control.name}": the planner did not take the wrong skip (stops ${run.stops.join(', ')})`);
    return { name: control.name, run, caught: run.rehearsable && run.failed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
