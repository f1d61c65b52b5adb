import { z } from 'zod';
import { errors } from './errors';

/**
 * Validates input against a schema; the first problem becomes GovPay's 400 SINTASSI with a
 * `dettaglio` that names the offending field, as GovPay's clients expect.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, root?: string): z.output<S> {
  // The input goes into each issue so that a value of the wrong type is told apart from a missing one.
  const r = schema.safeParse(value, { reportInput: true });
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = [root, ...issue.path.map(String)].filter(Boolean).join('.');
  throw errors.syntax(describeIssue(path, issue));
}

function describeIssue(path: string, issue: z.core.$ZodIssue): string {
  const field = path || 'body';
  // A check that words its own text around the field's name (GovPay's texts for query parameters).
  if (issue.code === 'custom' && typeof issue.params?.dettaglio === 'function') return issue.params.dettaglio(field);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? `Il campo ${field} non deve essere vuoto.`
        : `Il campo ${field} non e' del tipo atteso (${issue.expected}).`;
    case 'too_big':
      if (issue.origin === 'number') return `Il campo ${field} deve essere ${issue.inclusive ? 'minore o uguale a' : 'minore di'} ${issue.maximum}.`;
      return issue.origin === 'array'
        ? `Il campo ${field} deve avere al massimo ${issue.maximum} elementi.`
        : `Il valore del campo ${field} supera la lunghezza massima (${issue.maximum}).`;
    case 'too_small':
      if (issue.origin === 'number') return `Il campo ${field} deve essere ${issue.inclusive ? 'maggiore o uguale a' : 'maggiore di'} ${issue.minimum}.`;
      return issue.origin === 'array'
        ? `Il campo ${field} deve avere almeno ${issue.minimum} elementi.`
        : `Il valore del campo ${field} non rispetta la lunghezza minima (${issue.minimum}).`;
    case 'invalid_value':
      return `Il valore del campo ${field} non e' tra quelli ammessi (${issue.values.join(', ')}).`;
    case 'unrecognized_keys':
      return `Il campo ${[path, issue.keys[0]].filter(Boolean).join('.')} non e' previsto.`;
    case 'invalid_format':
      return `Il valore del campo ${field} non rispetta il formato atteso.`;
    default:
      return `Il valore del campo ${field} non e' valido: ${issue.message}`;
  }
}

/**
 * A string of at most `max` characters that matches `re`. The length is checked first and stops
 * the check (zod runs every check otherwise), so a pattern never sees more than `max` characters.
 */
export function pattern(max: number, re: RegExp, message?: string) {
  return z.string().max(max, { abort: true }).regex(re, message);
}

/** An absolute http(s) URL of at most `max` characters (a browser is sent there: no javascript:, data: or relative URLs). */
export function httpUrl(max: number) {
  return z
    .string()
    .max(max, { abort: true })
    .refine((v) => {
      try {
        const u = new URL(v);
        return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
      } catch {
        return false;
      }
    }, 'deve essere un URL http o https');
}
