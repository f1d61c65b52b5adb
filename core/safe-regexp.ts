import { checkSync } from 'recheck';

/**
 * Regular expressions that come from data (an applicazione's regExpIuv) are checked with recheck
 * when they are saved, as the lint checks the code's own: none may backtrack super-linearly.
 * Where such a pattern runs, its input is bounded too.
 */

/** Longest text a stored pattern is run on: an IUV (pagoPA's stIUV, at most 35 characters). */
export const MAX_MATCHED_LENGTH = 35;

const CHECK_TIMEOUT_MS = 5000;

/** What is wrong with `source` as a pattern to run on untrusted input, or undefined when nothing is. */
export function regExpProblem(source: string, flags = ''): string | undefined {
  try {
    new RegExp(source, flags);
  } catch {
    return 'espressione regolare non valida';
  }
  const verdict = checkSync(source, flags, { timeout: CHECK_TIMEOUT_MS });
  if (verdict.status === 'safe') return undefined;
  if (verdict.status === 'vulnerable') {
    return `espressione regolare esposta a backtracking catastrofico (complessita' ${verdict.complexity.type})`;
  }
  return "espressione regolare di cui non e' stato possibile verificare la sicurezza";
}

/**
 * Whether `value` matches the whole `pattern` (Java's Matcher.matches(), as GovPay runs regExpIuv),
 * or undefined when the pattern does not compile. Values longer than MAX_MATCHED_LENGTH never match.
 */
export function matchesWhole(pattern: string, value: string): boolean | undefined {
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${pattern})$`);
  } catch {
    return undefined;
  }
  return value.length <= MAX_MATCHED_LENGTH && re.test(value);
}
