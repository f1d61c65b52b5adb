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
/**
 * The hub's own refusals, on any operation, with GovPay's FaultBean (README, Security): too many
 * failed logins (429), a database that cannot be asked while authenticating (503), a subgraph that
 * did not answer in time (504). GovPay's specs predate them; their body is still checked.
 */
export const HUB_REFUSALS = [429, 503, 504];
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
  /** A schema violation GovPay's own documented behaviour commits (and clients rely on), with the reason. */
  excused?(reply: { path: string; body: unknown }, problem: string): boolean;
  /** Checks beyond the schema, for what GovPay's notes pin down more tightly than the spec. */
  extraChecks?(reply: { method: string; template: string; status: number; path: string; body: unknown }): string[];
}

export const BACKOFFICE: ApiProfile = {
  name: 'backoffice',
  file: 'api-backoffice-v1.yaml',
  // GovPay's path, and the console's context path (the same API).
  prefix: /^(?:\/govpay\/backend\/api\/backoffice|\/govpay-api-backoffice)\/rs\/[^/]+\/v1(\/[^?#]*)?(?:[?#].*)?$/,
  faultBean: 'faultBean',
  httpLimitErrors: HTTP_LIMIT_ERRORS,
  // Several Backoffice GETs (operazioni, riscossioni, flussi, incassi, eventi) document 201 where
  // GovPay answers 200 (reference notes, govpay-rest-apis.md §4): the hub answers as GovPay does.
  // POST /incassi/{idDominio} answers the same request again with 200 and the first body, as API
  // Ragioneria's riconciliazioni do (govpay-rest-apis.md §3.1), where the spec lists only 201.
  aliasStatus: ({ method, template, status }, documented) =>
    status === 200 && (method === 'get' || (method === 'post' && template === '/incassi/{idDominio}')) && documented.includes('201') ? '201' : undefined,
  // A tracciato's rows come back exactly as they were uploaded (its contenuto, /richiesta, each
  // operazione's richiesta), rows refused at processing included: they conform when the upload did.
  // An attempt's request and receipt: the Backoffice spec types their JSON as a string, where
  // API Pendenze v2 documents the same replies (and GovPay answers both) as the JSON object.
  excused({ path, body }, problem) {
    if (/\/rpp\/[^/?]+\/[^/?]+\/[^/?]+\/(rpt|rt)(\?|$)/.test(path)) {
      return problem.startsWith('(root) must be string ') && typeof body === 'object' && body !== null && !Array.isArray(body);
    }
    if (!/\/pendenze\/tracciati\/\d+(\/richiesta|\/operazioni)?(\?|$)/.test(path)) return false;
    return /^\/(contenuto\/)?(inserimenti|annullamenti)\/\d+/.test(problem) || /^\/risultati\/\d+\/richiesta\b/.test(problem);
  },
};

const PUT_PENDENZA = '/pendenze/{idA2A}/{idPendenza}';
/** GovPay's notes (govpay-rest-apis.md §1): the reply to PUT /pendenze is `PendenzaCreata {idDominio, numeroAvviso, UUID, pdf?}`. */
const PENDENZA_CREATA = ['idDominio', 'numeroAvviso', 'UUID'];

export const PENDENZE: ApiProfile = {
  name: 'pendenze',
  file: 'api-pendenze-v2.yaml',
  prefix: /^\/govpay\/backend\/api\/pendenze\/rs\/[^/]+\/v2(\/[^?#]*)?(?:[?#].*)?$/,
  faultBean: 'FaultBean',
  // The Pendenze spec documents no 413/415: a refusal at the HTTP level is not excused here.
  httpLimitErrors: [],
  aliasStatus({ method, template, status }, documented) {
    // PUT answers 201 on create and 200 on update, though the spec lists only 200
    // (govpay-rest-apis.md §1; govpay-openapi/SOURCES.md): a 201 is validated as the documented 200.
    if (method === 'put' && template === PUT_PENDENZA && status === 201 && documented.includes('200')) return '200';
    // GET /rpp/{idDominio}/{iuv}/{ccp} lists 201 where a compatibility layer answers 200 (govpay-rest-apis.md §1).
    if (method === 'get' && template === '/rpp/{idDominio}/{iuv}/{ccp}' && status === 200 && documented.includes('201')) return '201';
    return undefined;
  },
  // GovPay's paging (govpay-behaviour-scenarios.md S16, govpay-rest-apis.md §0.3): with
  // metadatiPaginazione=false the list omits numRisultati and numPagine, and the count-only
  // risultatiPerPagina=0 omits numPagine, although the Pendenze spec's Lista requires them.
  excused({ path }, problem) {
    const missing = /^\(root\) must have required property '(numRisultati|numPagine)'/.exec(problem)?.[1];
    if (!missing) return false;
    if (/[?&]metadatiPaginazione=false(?:&|$)/.test(path)) return true;
    return missing === 'numPagine' && /[?&]risultatiPerPagina=0(?:&|$)/.test(path);
  },
  extraChecks({ method, template, status, path, body }) {
    if (method !== 'put' || template !== PUT_PENDENZA || (status !== 200 && status !== 201)) return [];
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
    const keys = Object.keys(body);
    const stampaAvviso = /[?&]stampaAvviso=true(?:&|$)/.test(path);
    const problems = [
      ...PENDENZA_CREATA.filter((k) => !keys.includes(k)).map((k) => `PendenzaCreata lacks '${k}' (govpay-rest-apis.md §1)`),
      ...keys
        .filter((k) => !PENDENZA_CREATA.includes(k) && k !== 'pdf')
        .map((k) => `PendenzaCreata has '${k}': only idDominio, numeroAvviso, UUID and pdf belong there (govpay-rest-apis.md §1)`),
    ];
    if (stampaAvviso && !keys.includes('pdf')) problems.push(`PendenzaCreata lacks 'pdf' although the request asked stampaAvviso=true`);
    if (!stampaAvviso && keys.includes('pdf')) problems.push(`PendenzaCreata has 'pdf' although the request did not ask stampaAvviso=true`);
    return problems;
  },
};

/**
 * API Pagamento v2 (api-pagamento-v2.yaml): the same deviations as API Pendenze where it repeats its
 * operations (the paging envelope without counts, GET /rpp/{…} answering 200), and POST /pendenze
 * /{idDominio}/{idTipoPendenza} listing 422 with a FaultBean, as the others.
 */
export const PAGAMENTO: ApiProfile = {
  name: 'pagamento',
  file: 'api-pagamento-v2.yaml',
  prefix: /^\/govpay\/frontend\/api\/pagamento\/rs\/[^/]+\/v2(\/[^?#]*)?(?:[?#].*)?$/,
  faultBean: 'FaultBean',
  httpLimitErrors: [],
  aliasStatus({ method, template, status }, documented) {
    if (method === 'get' && template === '/rpp/{idDominio}/{iuv}/{ccp}' && status === 200 && documented.includes('201')) return '201';
    return undefined;
  },
  excused: (reply, problem) => PENDENZE.excused!(reply, problem),
};

/**
 * GovPay's API Ente, which the hub calls (notifications to the Ente's system): the suite checks the
 * request bodies the hub sends, so only the spec's paths and schemas matter, not its replies.
 */
const enteProfile = (name: string, file: string): ApiProfile => ({
  name,
  file,
  prefix: /^(\/[^?#]*)/,
  faultBean: 'FaultBean',
  httpLimitErrors: [],
  aliasStatus: () => undefined,
});
/** API Ente v1 (verifica e notifica): POST /pagamenti/{idDominio}/{iuv}. */
export const ENTE_V1 = enteProfile('ente-v1', 'api-ente-verifica-notifica-v1.yaml');
/** API Ente v2's operations (their bodies are in ENTE_V2_SCHEMAS). */
export const ENTE_V2 = enteProfile('ente-v2', 'api-ente-v2/govpay-api-ec.yaml');
/** API Ente v2's schemas (Ricevuta…), a file of their own. */
export const ENTE_V2_SCHEMAS = enteProfile('ente-v2-schemas', 'api-ente-v2/govpay-api-schemas.yaml');

/**
 * API Ragioneria (v2 and v1): GETs documenting 201 where GovPay answers 200 (the flow by
 * dataOraFlusso), and the riconciliazione POST answering 201 when new and 200 with the same body
 * when the same request comes again (govpay-rest-apis.md §3.1), which the spec lists as 201 only.
 */
const ragioneriaProfile = (version: 'v1' | 'v2', file: string, post: string): ApiProfile => ({
  name: `ragioneria-${version}`,
  file,
  prefix: new RegExp(`^\\/govpay\\/backend\\/api\\/ragioneria\\/rs\\/[^/]+\\/${version}(\\/[^?#]*)?(?:[?#].*)?$`),
  faultBean: version === 'v2' ? 'FaultBean' : 'faultBean',
  httpLimitErrors: HTTP_LIMIT_ERRORS,
  aliasStatus({ method, template, status }, documented) {
    if (status === 200 && documented.includes('201') && (method === 'get' || (method === 'post' && template === post))) return '201';
    return undefined;
  },
  excused: (reply, problem) => PENDENZE.excused!(reply, problem),
});
export const RAGIONERIA_V2 = ragioneriaProfile('v2', 'api-ragioneria-v2.yaml', '/riconciliazioni/{idDominio}');
export const RAGIONERIA_V1 = {
  ...ragioneriaProfile('v1', 'api-ragioneria-v1.yaml', '/incassi/{idDominio}'),
  // v1's profilo embeds each dominio's whole index (gln, stazione, abilitato): the hub lists the
  // domini as the caller's profile names them (id and name; '*' for all), since reading their
  // index takes the Anagrafica Creditore right an accounting applicazione does not have.
  excused: (reply: { path: string }, problem: string) =>
    /\/profilo(\?|$)/.test(reply.path) && /^\/domini\/\d+ must have required property '(gln|stazione|abilitato)'/.test(problem),
};

/** Kept for the Backoffice suite's imports. */
export const BACKOFFICE_PREFIX = BACKOFFICE.prefix;

export interface RecordedReply {
  method: string;
  path: string;
  status: number;
  body: unknown;
  /** The reply's Content-Type when known (the sweep knows it; recordings keep only the body). */
  contentType?: string;
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

export function specFile(name = BACKOFFICE.file): string {
  const file = join(referenceDir(), 'govpay-openapi', name);
  if (!existsSync(file)) {
    throw new Error(
      `GovPay's OpenAPI reference not found: ${file} does not exist. The conformance suite needs the shared reference ` +
        `(govpay-openapi/${name}): put it at <projectRoot>/../shared/reference or set GOVPAY_REFERENCE_DIR.`,
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
const mediaTypeOf = (contentType: string) => contentType.split(';')[0].trim().toLowerCase();

/**
 * The media type of a reply: its Content-Type when known, else what its body shows (recordings keep
 * only the body: a JSON value, or the text of anything else — a PDF starts with `%PDF-`).
 */
function replyMediaType(reply: { body: unknown; contentType?: string }): string | undefined {
  if (reply.contentType) return mediaTypeOf(reply.contentType);
  if (reply.body === undefined || reply.body === '') return undefined;
  if (typeof reply.body === 'string' && reply.body.startsWith('%PDF-')) return 'application/pdf';
  return typeof reply.body === 'string' ? 'text/plain' : 'application/json';
}

export class GovPaySpec {
  readonly doc: Json;
  private readonly ajv: Ajv;
  private readonly specId: string;
  private readonly templates: { key: string; segments: string[] }[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(
    readonly profile: ApiProfile,
    file = specFile(profile.file),
  ) {
    // GovPay's files indent a line of a description with a tab here and there (api-ente-v2's schemas),
    // which YAML refuses: a leading tab is read as the eight spaces GovPay's editor showed.
    this.doc = parse(readFileSync(file, 'utf8').replace(/^\t+/gm, (tabs) => ' '.repeat(8 * tabs.length))) as Json;
    draft4Exclusives(this.doc);
    this.specId = `govpay-${profile.name}`;
    // OpenAPI 3.0 schemas: ajv understands `nullable`; annotations (example, deprecated, discriminator…) are ignored.
    // GovPay's patterns are Java regular expressions (e.g. `\-` outside a class), valid without the `u` flag only.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, unicodeRegExp: false });
    addFormats(this.ajv);
    // OpenAPI formats that constrain nothing JSON Schema can check (`csv` describes query parameters).
    for (const f of ['csv', 'base64', 'binary']) this.ajv.addFormat(f, true);
    // GovPay writes date-times as Europe/Rome local time without an offset, yyyy-MM-dd'T'HH:mm:ss.SSS
    // (govpay-rest-apis.md §0), which RFC 3339's date-time refuses: the offset is optional here.
    this.ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/);
    this.ajv.addSchema(this.doc, this.specId);
    this.templates = Object.keys(this.doc.paths ?? {}).map((key) => ({ key, segments: splitPath(key) }));
  }

  get version(): string {
    return String(this.doc.info?.version ?? '?');
  }

  /** Every operation of the spec, as `METHOD /template`. */
  get operations(): string[] {
    return Object.entries(this.doc.paths ?? {}).flatMap(([template, ops]) =>
      Object.keys(ops as Json)
        .filter((m) => METHODS.includes(m))
        .map((m) => `${m.toUpperCase()} ${template}`),
    );
  }

  /** The spec's path template for a concrete path (after the /rs/{auth}/vN base); literal segments win over templates. */
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
    const m = this.profile.prefix.exec(fullPath);
    const subPath = m ? m[1] || '/' : fullPath;
    const template = this.template(subPath, method);
    return { endpoint: `${method.toUpperCase()} ${template ?? subPath}`, template, subPath };
  }

  private validator(ref: string): ValidateFunction {
    let v = this.validators.get(ref);
    if (!v) {
      v = this.ajv.compile({ $ref: `${this.specId}${ref}` });
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

  /** The API-wide response for a status (components/responses, keyed `404` or `404NotFound`). */
  private componentResponse(status: string): string | undefined {
    return Object.keys(this.doc.components?.responses ?? {}).find((k) => k === status || new RegExp(`^${status}\\D`).test(k));
  }

  /** Validates a body against the schema at a spec location; returns readable ajv errors. */
  validate(location: string, body: unknown): string[] {
    const v = this.validator(location);
    if (v(body)) return [];
    return (v.errors ?? []).map(formatError);
  }

  /** Everything the spec says about one reply that the reply does not honour. */
  check(reply: { method: string; path: string; status: number; body: unknown; contentType?: string }): Verdict {
    const { endpoint, template } = this.endpointOf(reply.method, reply.path);
    const problems: string[] = [];
    const method = reply.method.toLowerCase();
    const faultBean = pointer('components', 'schemas', this.profile.faultBean);
    const hasBody = reply.body !== undefined && reply.body !== '';
    const replyType = replyMediaType(reply);

    const checkFault = (why: string) => {
      if (!hasBody) return;
      if (typeof reply.body !== 'object' || reply.body === null || (replyType && !JSON_TYPES.includes(replyType))) {
        problems.push(`${why}: error body is not a JSON FaultBean (${replyType}): ${JSON.stringify(reply.body).slice(0, 200)}`);
        return;
      }
      for (const e of this.validate(faultBean, reply.body)) problems.push(`${why}: ${this.profile.faultBean} ${e}`);
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
    key ??= this.profile.aliasStatus({ method, template, status: reply.status }, listed);

    let responseLocation: string | undefined;
    let response: Json | undefined;
    if (key) {
      const d = this.deref(responses[key]);
      response = d.obj;
      responseLocation = d.ref ?? pointer('paths', template, method, 'responses', key);
    } else if ([...GENERIC_ERRORS, ...HUB_REFUSALS, ...this.profile.httpLimitErrors].includes(reply.status)) {
      // Not listed for this operation, but GovPay documents it API-wide (components/responses) or in its notes.
      const component = this.componentResponse(statusKey);
      response = component ? this.deref(this.doc.components.responses[component]).obj : undefined;
      responseLocation = component ? pointer('components', 'responses', component) : undefined;
    } else {
      problems.push(`status ${reply.status} is not documented for ${method.toUpperCase()} ${template} (documented: ${listed.join(', ')})`);
      if (reply.status >= 400) checkFault('undocumented status');
      return { endpoint, matched: true, problems };
    }

    const content = response?.content as Json | undefined;
    const documentedTypes = Object.keys(content ?? {});
    const jsonType = content && JSON_TYPES.find((t) => content[t]?.schema);
    if (hasBody && replyType && !JSON_TYPES.includes(replyType) && documentedTypes.length > 0) {
      // A non-JSON reply (PDF, XML…): only its media type can be checked against the content map.
      if (!documentedTypes.some((t) => t === replyType || t === '*/*' || (t.endsWith('/*') && replyType.startsWith(t.slice(0, -1))))) {
        problems.push(`the reply is ${replyType}; the spec documents only ${documentedTypes.join(', ')} for ${key ?? statusKey}`);
      }
    } else if (jsonType && responseLocation) {
      if (!hasBody) {
        problems.push(`the spec documents a ${jsonType} body for ${key ?? statusKey}, the reply has none`);
      } else {
        const schemaLocation = `${responseLocation}/content/${encodeURIComponent(jsonType.replace(/\//g, '~1'))}/schema`;
        for (const e of this.validate(schemaLocation, reply.body)) {
          if (!this.profile.excused?.(reply, e)) problems.push(e);
        }
      }
    } else if (documentedTypes.length > 0) {
      // Documented only as non-JSON (e.g. PDF, CSV): a JSON reply then does not conform.
      if (hasBody) problems.push(`the spec documents only ${documentedTypes.join(', ')} for ${key}, the reply is JSON`);
    } else if (reply.status >= 400) {
      checkFault(`status ${reply.status}`);
    } else if (hasBody) {
      problems.push(`the spec documents no body for ${method.toUpperCase()} ${template} ${key}, the reply has one`);
    }
    problems.push(...(this.profile.extraChecks?.({ method, template, status: reply.status, path: reply.path, body: reply.body }) ?? []));
    return { endpoint, matched: true, problems };
  }
}

/** API Pendenze v2 (api-pendenze-v2.yaml). */
export class PendenzeSpec extends GovPaySpec {
  constructor(file?: string) {
    super(PENDENZE, file);
  }
}

/** API Pagamento v2 (api-pagamento-v2.yaml). */
export class PagamentoSpec extends GovPaySpec {
  constructor(file?: string) {
    super(PAGAMENTO, file);
  }
}

/** API Ragioneria v2 (api-ragioneria-v2.yaml). */
export class RagioneriaV2Spec extends GovPaySpec {
  constructor(file?: string) {
    super(RAGIONERIA_V2, file);
  }
}

/** API Ragioneria v1 (api-ragioneria-v1.yaml). */
export class RagioneriaV1Spec extends GovPaySpec {
  constructor(file?: string) {
    super(RAGIONERIA_V1, file);
  }
}

/** The Backoffice API v1 (api-backoffice-v1.yaml). */
export class BackofficeSpec extends GovPaySpec {
  constructor(file?: string) {
    super(BACKOFFICE, file);
  }
}

/**
 * OpenAPI 3.0 writes exclusiveMaximum/exclusiveMinimum as JSON Schema draft 4 did, a boolean beside
 * maximum/minimum (pagoPA's ProblemJson status: `maximum: 600, exclusiveMaximum: true`); ajv knows
 * only the later form, the bound itself: each such pair is rewritten in place.
 */
function draft4Exclusives(node: unknown): void {
  if (typeof node !== 'object' || node === null) return;
  const o = node as Json;
  for (const [flag, bound] of [
    ['exclusiveMaximum', 'maximum'],
    ['exclusiveMinimum', 'minimum'],
  ]) {
    if (typeof o[flag] !== 'boolean') continue;
    if (o[flag] && typeof o[bound] === 'number') {
      o[flag] = o[bound];
      delete o[bound];
    } else delete o[flag];
  }
  for (const child of Object.values(o)) draft4Exclusives(child);
}

function formatError(e: ErrorObject): string {
  const where = e.instancePath || '(root)';
  const params = e.keyword === 'additionalProperties' ? ` '${(e.params as any).additionalProperty}'` : '';
  const allowed = e.keyword === 'enum' ? ` ${JSON.stringify((e.params as any).allowedValues)}` : '';
  return `${where} ${e.message}${params}${allowed} [schema ${decodeURIComponent(e.schemaPath)}]`;
}
