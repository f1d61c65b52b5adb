import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/**
 * GovPay's OpenAPI 3.0 descriptions of its REST APIs, and the checks of one reply against them.
 * Each API is a profile (which spec file, which URL prefix, which exceptions GovPay's notes document);
 * the reference lives outside the repository: $GOVPAY_REFERENCE_DIR, else <projectRoot>/../shared/reference.
 */

export const PROJECT_ROOT = resolve(__dirname, '..', '..');
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
/** GovPay's notes (govpay-rest-apis.md §0.2): every operation may answer these, documented or not. */
export const GENERIC_ERRORS = [400, 401, 403, 404, 422];
/** HTTP-level refusals before any operation runs (body over the size limit, unsupported encoding). */
const HTTP_LIMIT_ERRORS = [413, 415];
const JSON_TYPES = ['application/json', 'application/problem+json'];

/** One GovPay API: its spec, where its operations live, and the deviations GovPay itself documents. */
export interface ApiProfile {
  /** Short name, used in messages and recording file names (`<name>-<pid>.jsonl`). */
  name: string;
  /** The spec file inside <reference>/govpay-openapi. */
  file: string;
  /** Full request path → group 1 = the path after `/rs/{auth}/vN` (the spec's paths are relative to it). */
  prefix: RegExp;
  /** The schema (components/schemas) of GovPay's error body. */
  faultBean: string;
  /** Statuses refused at the HTTP level that may come from any operation (besides GENERIC_ERRORS). */
  httpLimitErrors: number[];
  /**
   * A documented status under which a reply whose own status the operation does not list is validated
   * (GovPay's documented deviations from its spec); undefined when none applies.
   */
  aliasStatus(reply: { method: string; template: string; status: number }, documented: string[]): string | undefined;
  /** Checks beyond the schema, for what GovPay's notes pin down more tightly than the spec. */
  extraChecks?(reply: { method: string; template: string; status: number; path: string; body: unknown }): string[];
}

export const BACKOFFICE: ApiProfile = {
  name: 'backoffice',
  file: 'api-backoffice-v1.yaml',
  prefix: /^\/govpay\/backend\/api\/backoffice\/rs\/[^/]+\/v1(\/[^?#]*)?(?:[?#].*)?$/,
  faultBean: 'faultBean',
  httpLimitErrors: HTTP_LIMIT_ERRORS,
  // Several Backoffice GETs (operazioni, riscossioni, flussi, incassi, eventi) document 201 where
  // GovPay answers 200 (reference notes, govpay-rest-apis.md §4): the hub answers as GovPay does.
  aliasStatus: ({ method, status }, documented) =>
    status === 200 && method === 'get' && documented.includes('201') ? '201' : undefined,
};

/** Kept for the Backoffice suite's imports. */
export const BACKOFFICE_PREFIX = BACKOFFICE.prefix;

export interface RecordedReply {
  method: string;
  path: string;
  status: number;
  body: unknown;
  /** Where the reply comes from: a recording file or the suite's own sweep. */
  source: string;
}

export interface Verdict {
  /** `METHOD /template` of the matching spec operation, or `METHOD <path>` when no template matches. */
  endpoint: string;
  matched: boolean;
  problems: string[];
}

export function referenceDir(): string {
  const dir = process.env.GOVPAY_REFERENCE_DIR ?? join(PROJECT_ROOT, '..', 'shared', 'reference');
  return resolve(dir);
}

export function specFile(): string {
  const file = join(referenceDir(), 'govpay-openapi', 'api-backoffice-v1.yaml');
  if (!existsSync(file)) {
    throw new Error(
      `GovPay's OpenAPI reference not found: ${file} does not exist. The conformance suite needs the shared reference ` +
        `(govpay-openapi/api-backoffice-v1.yaml): put it at <projectRoot>/../shared/reference or set GOVPAY_REFERENCE_DIR.`,
    );
  }
  return file;
}

type Json = Record<string, any>;

/** JSON pointer of a spec location, written as a URI fragment. */
const pointer = (...segments: string[]) =>
  '#/' + segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

const splitPath = (p: string) => p.split('/').filter((s) => s !== '');
const isTemplate = (segment: string) => /^\{[^}]+\}$/.test(segment);

export class BackofficeSpec {
  readonly doc: Json;
  private readonly ajv: Ajv;
  private readonly templates: { key: string; segments: string[] }[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(file = specFile()) {
    this.doc = parse(readFileSync(file, 'utf8')) as Json;
    // OpenAPI 3.0 schemas: ajv understands `nullable`; annotations (example, deprecated, discriminator…) are ignored.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    // OpenAPI formats that constrain nothing JSON Schema can check (`csv` describes query parameters).
    for (const f of ['csv', 'base64']) this.ajv.addFormat(f, true);
    this.ajv.addSchema(this.doc, SPEC_ID);
    this.templates = Object.keys(this.doc.paths ?? {}).map((key) => ({ key, segments: splitPath(key) }));
  }

  get version(): string {
    return String(this.doc.info?.version ?? '?');
  }

  /** The spec's path template for a concrete path (after the /rs/{auth}/v1 base); literal segments win over templates. */
  template(path: string, method?: string): string | undefined {
    const segments = splitPath(path).map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
    const candidates = this.templates.filter(
      (t) => t.segments.length === segments.length && t.segments.every((s, i) => isTemplate(s) || s === segments[i]),
    );
    // Same shape, different operations (GET /pendenze/{idA2A}/{idPendenza} beside POST
    // /pendenze/{idDominio}/{idTipoPendenza}): the template that has the reply's method wins.
    const has = (t: { key: string }) => (method && this.doc.paths[t.key]?.[method.toLowerCase()] ? 0 : 1);
    candidates.sort((a, b) => {
      if (has(a) !== has(b)) return has(a) - has(b);
      for (let i = 0; i < a.segments.length; i++) {
        const ta = isTemplate(a.segments[i]);
        const tb = isTemplate(b.segments[i]);
        if (ta !== tb) return ta ? 1 : -1;
      }
      return 0;
    });
    return candidates[0]?.key;
  }

  /** `METHOD /template` for a reply's method and full request path (undefined template: `METHOD /raw/path`). */
  endpointOf(method: string, fullPath: string): { endpoint: string; template?: string; subPath: string } {
    const m = BACKOFFICE_PREFIX.exec(fullPath);
    const subPath = m ? m[1] || '/' : fullPath;
    const template = this.template(subPath, method);
    return { endpoint: `${method.toUpperCase()} ${template ?? subPath}`, template, subPath };
  }

  private validator(ref: string): ValidateFunction {
    let v = this.validators.get(ref);
    if (!v) {
      v = this.ajv.compile({ $ref: `${SPEC_ID}${ref}` });
      this.validators.set(ref, v);
    }
    return v;
  }

  private deref(obj: Json | undefined): { obj: Json | undefined; ref?: string } {
    let ref: string | undefined;
    let cur = obj;
    for (let i = 0; cur && typeof cur.$ref === 'string' && i < 10; i++) {
      ref = cur.$ref as string;
      if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
      cur = ref
        .slice(2)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<any>((o, k) => (o == null ? undefined : o[k]), this.doc);
    }
    return { obj: cur, ref };
  }

  /** Validates a body against the schema at a spec location; returns readable ajv errors. */
  validate(location: string, body: unknown): string[] {
    const v = this.validator(location);
    if (v(body)) return [];
    return (v.errors ?? []).map(formatError);
  }

  /** Everything the spec says about one reply that the reply does not honour. */
  check(reply: { method: string; path: string; status: number; body: unknown }): Verdict {
    const { endpoint, template } = this.endpointOf(reply.method, reply.path);
    const problems: string[] = [];
    const method = reply.method.toLowerCase();
    const faultBean = pointer('components', 'schemas', 'faultBean');
    const hasBody = reply.body !== undefined && reply.body !== '';

    const checkFault = (why: string) => {
      if (!hasBody) return;
      if (typeof reply.body !== 'object' || reply.body === null) {
        problems.push(`${why}: error body is not a JSON FaultBean: ${JSON.stringify(reply.body)}`);
        return;
      }
      for (const e of this.validate(faultBean, reply.body)) problems.push(`${why}: faultBean ${e}`);
    };

    if (!template) {
      // Not an operation of the API at all: acceptable only as GovPay's "not found" style error.
      if (!GENERIC_ERRORS.includes(reply.status)) {
        problems.push(`no path of the spec matches; status ${reply.status} is not an error GovPay may answer for any request`);
      }
      checkFault('undocumented path');
      return { endpoint, matched: false, problems };
    }
    const op = this.doc.paths[template]?.[method] as Json | undefined;
    if (!op || !METHODS.includes(method)) {
      const documented = Object.keys(this.doc.paths[template] ?? {}).filter((k) => METHODS.includes(k));
      if (!GENERIC_ERRORS.includes(reply.status) && reply.status !== 405) {
        problems.push(`the spec has no ${method.toUpperCase()} on ${template} (only ${documented.join(', ').toUpperCase()}), yet the reply is ${reply.status}`);
      }
      checkFault('undocumented method');
      return { endpoint, matched: true, problems };
    }

    const responses = (op.responses ?? {}) as Json;
    const statusKey = String(reply.status);
    const listed = Object.keys(responses);
    let key: string | undefined = statusKey in responses ? statusKey : undefined;
    key ??= `${statusKey[0]}XX` in responses ? `${statusKey[0]}XX` : undefined;
    key ??= 'default' in responses ? 'default' : undefined;
    // Several Backoffice GETs (operazioni, riscossioni, flussi, incassi, eventi) document 201 where
    // GovPay answers 200 (reference notes, govpay-rest-apis.md §4): the hub answers as GovPay does.
    key ??= reply.status === 200 && method === 'get' && '201' in responses ? '201' : undefined;

    let responseLocation: string | undefined;
    let response: Json | undefined;
    if (key) {
      const d = this.deref(responses[key]);
      response = d.obj;
      responseLocation = d.ref ?? pointer('paths', template, method, 'responses', key);
    } else if (GENERIC_ERRORS.includes(reply.status) || HTTP_LIMIT_ERRORS.includes(reply.status)) {
      // Not listed for this operation, but GovPay documents it API-wide (components/responses) or in its notes.
      const d = this.deref(this.doc.components?.responses?.[statusKey]);
      response = d.obj;
      responseLocation = response ? pointer('components', 'responses', statusKey) : undefined;
    } else {
      problems.push(`status ${reply.status} is not documented for ${method.toUpperCase()} ${template} (documented: ${listed.join(', ')})`);
      if (reply.status >= 400) checkFault('undocumented status');
      return { endpoint, matched: true, problems };
    }

    const content = response?.content as Json | undefined;
    const mediaType = content && ['application/json', 'application/problem+json'].find((t) => content[t]?.schema);
    if (mediaType && responseLocation) {
      if (!hasBody) {
        problems.push(`the spec documents a ${mediaType} body for ${key ?? statusKey}, the reply has none`);
      } else {
        const schemaLocation = `${responseLocation}/content/${encodeURIComponent(mediaType.replace(/\//g, '~1'))}/schema`;
        for (const e of this.validate(schemaLocation, reply.body)) problems.push(e);
      }
    } else if (content && Object.keys(content).length > 0 && !mediaType) {
      // Documented only as non-JSON (e.g. PDF, CSV): a JSON reply then does not conform.
      if (hasBody) problems.push(`the spec documents only ${Object.keys(content).join(', ')} for ${key}, the reply is JSON`);
    } else if (reply.status >= 400) {
      checkFault(`status ${reply.status}`);
    } else if (hasBody) {
      problems.push(`the spec documents no body for ${method.toUpperCase()} ${template} ${key}, the reply has one`);
    }
    return { endpoint, matched: true, problems };
  }
}

function formatError(e: ErrorObject): string {
  const where = e.instancePath || '(root)';
  const params = e.keyword === 'additionalProperties' ? ` '${(e.params as any).additionalProperty}'` : '';
  const allowed = e.keyword === 'enum' ? ` ${JSON.stringify((e.params as any).allowedValues)}` : '';
  return `${where} ${e.message}${params}${allowed} [schema ${decodeURIComponent(e.schemaPath)}]`;
}
