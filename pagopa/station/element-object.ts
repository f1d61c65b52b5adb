import { z } from 'zod';
import type { XmlElement } from '../soap/parse';

/**
 * Reads an element into a plain object whose keys are its children's names and whose leaves are
 * their texts as sent, guided by a zod object schema whose keys are listed in the XSD sequence's
 * order: a child the schema does not name, a child out of that order, a repeated child that is no
 * list, a qualified child (the XSD's children are unqualified), text where elements belong or
 * elements where text belongs are reported as problems. The values themselves (patterns, lengths,
 * required elements) are then checked by parsing the object with the same schema.
 */
export interface ElementProblem {
  path: string;
  message: string;
}

type Shape = Record<string, z.ZodType>;

const unwrap = (schema: z.ZodType): z.ZodType => (schema instanceof z.ZodOptional ? unwrap(schema.unwrap() as z.ZodType) : schema);

export function elementToObject(el: XmlElement, schema: z.ZodObject, path: string, problems: ElementProblem[]): Record<string, unknown> {
  const shape = schema.shape as Shape;
  const keys = Object.keys(shape);
  const out: Record<string, unknown> = {};
  if (el.text.trim()) problems.push({ path, message: 'must contain elements, not text' });
  let last = -1;
  for (const child of el.children) {
    const index = keys.indexOf(child.name);
    const field = index < 0 ? undefined : unwrap(shape[child.name]);
    const list = field instanceof z.ZodArray;
    const at = `${path}/${child.name}`;
    if (child.namespace) problems.push({ path: at, message: `must not be namespace-qualified (it is in ${child.namespace})` });
    else if (!field) problems.push({ path: at, message: 'is not an element of this type' });
    else if (index < last || (index === last && !list)) problems.push({ path: at, message: 'is repeated or out of order' });
    else {
      last = index;
      const item = list ? unwrap((field as z.ZodArray).element as z.ZodType) : field;
      const value = valueOf(child, item, list ? `${at}[${((out[child.name] as unknown[]) ?? []).length + 1}]` : at, problems);
      if (list) ((out[child.name] ??= []) as unknown[]).push(value);
      else out[child.name] = value;
    }
  }
  return out;
}

function valueOf(el: XmlElement, schema: z.ZodType, path: string, problems: ElementProblem[]): unknown {
  if (schema instanceof z.ZodObject) return elementToObject(el, schema, path, problems);
  if (el.children.length) problems.push({ path, message: 'must contain text, not elements' });
  return el.text;
}

/** A zod issue as a problem of the element it is about, named like `receipt/transferList/transfer[1]/IBAN`. */
export function issueProblem(issue: z.core.$ZodIssue, root: string, value: unknown): ElementProblem {
  let path = root;
  let at: unknown = value;
  for (const key of issue.path) {
    path += typeof key === 'number' ? `[${key + 1}]` : `/${String(key)}`;
    at = at === undefined || at === null ? undefined : (at as Record<PropertyKey, unknown>)[key as PropertyKey];
  }
  const missing = at === undefined && issue.code === 'invalid_type';
  return { path, message: missing ? 'is missing' : issue.message };
}
