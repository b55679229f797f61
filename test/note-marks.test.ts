import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NoteMarks } from '../generator/plan/note-marks.ts';
import type { RunbookStep } from '../generator/plan/runbook-model.ts';

const step = (id: string, service: string | null, notes: string[]): RunbookStep =>
  Object.freeze({ id, title: id, service, series: null, commands: [], sources: [], notes: Object.freeze(notes) as string[] });

/** Where each of the step's notes was first seen in this runbook ('' for here). */
const firsts = (marks: NoteMarks, s: RunbookStep) => marks.of(s).map((n) => marks.firstSeen(n, s.id) ?? '');

test('a note is first seen once per runbook and per service, also past the bound where numbering starts over', () => {
  const marks = new NoteMarks(3);
  for (let runbook = 0; runbook < 4; runbook++) {
    marks.startRunbook();
    assert.deepEqual(firsts(marks, step('a', 'nova', ['x', 'y'])), ['', '']);
    assert.deepEqual(firsts(marks, step('b', 'nova', ['y', 'z', 'z'])), ['a', '', 'b']);
    // Another service's copy of a note is its own first.
    assert.deepEqual(firsts(marks, step('c', 'cinder', ['x'])), ['']);
    assert.deepEqual(firsts(marks, step('d', null, ['x', `new ${runbook}`])), ['', '']);
    assert.deepEqual(firsts(marks, step('e', 'nova', ['z', 'x'])), ['b', 'a']);
  }
});
