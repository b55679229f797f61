/**
 * What memory costs this machine the first time a process touches it: a buffer filled twice, the
 * first fill paying the kernel's page faults. On this VM a fresh 4 KB page costs ~11 µs (a
 * second touch ~0.2 µs), so a pass that grows its heap by 100 MB pays ~0.3 s in faults that no
 * instruction count shows (bench/README.md, "What memory costs here").
 */
import { median } from './stats.ts';

const SIZE = 64 * 1024 * 1024;
const PAGE = 4096;

export interface FreshMemory {
  /** Microseconds per 4 KB page, first touch and second touch (medians of `rounds`). */
  firstTouchUsPerPage: number;
  secondTouchUsPerPage: number;
}

export function measureFreshMemory(rounds = 3): FreshMemory {
  const first: number[] = [];
  const second: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // allocUnsafeSlow: memory straight from the allocator (an mmap at this size), not yet touched.
    const buffer = Buffer.allocUnsafeSlow(SIZE);
    const a = performance.now();
    buffer.fill(1);
    const b = performance.now();
    buffer.fill(2);
    const c = performance.now();
    const pages = SIZE / PAGE;
    first.push(((b - a) * 1000) / pages);
    second.push(((c - b) * 1000) / pages);
  }
  return { firstTouchUsPerPage: median(first), secondTouchUsPerPage: median(second) };
}
