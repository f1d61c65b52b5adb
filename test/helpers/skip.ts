/**
 * The one way to skip a test: with the reason in its title, where scripts/run-tests.sh finds it.
 * The closing line counts skipped tests, and the suite fails on a skipped (or todo) test whose
 * title does not carry `[skipped because …]`, so a skip is never silent.
 */
export const SKIP_MARK = 'skipped because';

function declared(title: string, reason: string): string {
  return `${title} [${SKIP_MARK} ${reason}]`;
}

function needsReason(reason: string): void {
  if (!reason.trim()) throw new Error('a skipped test needs its reason');
}

/** `describe` when `condition` holds, else the group is skipped and says why. */
export function describeIf(condition: unknown, reason: string): (title: string, fn: jest.EmptyFunction) => void {
  needsReason(reason);
  return (title, fn) => (condition ? describe(title, fn) : describe.skip(declared(title, reason), fn));
}

/** `it` when `condition` holds, else the test is skipped and says why. */
export function itIf(condition: unknown, reason: string): (title: string, fn: jest.ProvidesCallback, timeout?: number) => void {
  needsReason(reason);
  return (title, fn, timeout) => (condition ? it(title, fn, timeout) : it.skip(declared(title, reason), fn, timeout));
}
