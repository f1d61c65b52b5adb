import { z } from 'zod';
import { euroAmount } from '../../core/money';
import { romeDate } from '../../core/rome-time';
import type { PagamentoRendicontato } from '../../subgraphs/riconciliazione/services';
import { SorgenteNonDisponibile, type DominioStazione, type FlussoElencato, type FlussoScaricato, type SorgenteFlussi } from './sorgente';

export interface FdrClientOptions {
  /** FdR's base URL for organizations, e.g. https://api.platform.pagopa.it/fdr-org/service/v1 */
  url: string;
  /** The subscription key pagoPA's API gateway checks (Ocp-Apim-Subscription-Key). */
  apiKey?: string;
  timeoutMs: number;
  /** Page size asked of FdR (its maximum is 1000). */
  pageSize?: number;
}

const instant = z.iso.datetime({ offset: true, local: true }).transform((s) => new Date(/[zZ]|[+-]\d{2}:\d{2}$/.test(s) ? s : `${s}Z`));
const metadata = z.object({ pageNumber: z.number().int(), totPage: z.number().int() });
const elenco = z.object({
  metadata,
  data: z.array(z.object({ fdr: z.string().min(1), pspId: z.string().min(1), revision: z.number().int().min(1), flowDate: instant })),
});
const flusso = z.object({
  fdr: z.string().min(1),
  revision: z.number().int().min(1),
  fdrDate: instant,
  regulation: z.string().min(1).max(35),
  regulationDate: z.iso.date(),
  bicCodePouringBank: z.string().max(35).optional(),
  sender: z.object({ pspId: z.string().min(1).max(35) }),
  receiver: z.object({ organizationId: z.string() }),
  totPayments: z.number().int().min(1),
  sumPayments: euroAmount,
});
const ESITI: Record<string, PagamentoRendicontato['esito']> = { EXECUTED: 0, REVOKED: 3, STAND_IN: 4, STAND_IN_NO_RPT: 8, NO_RPT: 9 };
const pagamenti = z.object({
  metadata,
  data: z.array(
    z.object({
      iuv: z.string().min(1).max(35),
      iur: z.string().min(1).max(35),
      idTransfer: z.number().int().min(1).max(5),
      pay: euroAmount.refine((c) => c >= 1, 'must be at least 0.01'),
      payStatus: z.enum(['EXECUTED', 'REVOKED', 'STAND_IN', 'STAND_IN_NO_RPT', 'NO_RPT']),
      payDate: instant,
    }),
  ),
});

/** A page of FdR's answer that does not match fdr_organization.json: the flow is refused, with where. */
class RispostaNonConforme extends Error {}

/**
 * pagoPA's FdR REST API for organizations (fdr_organization.json) as a source of flows: the
 * dominio's published flows page by page, then each flow's revision and its payments page by page.
 * Amounts are JSON numbers there, read into cents through their shortest decimal text (never a
 * float sum); payStatus maps to GovPay's esito codes 0/3/4/8/9.
 */
export class FdrClient implements SorgenteFlussi {
  readonly nome = 'FDR';

  constructor(private readonly o: FdrClientOptions) {}

  private async get(path: string, query: Record<string, string> = {}): Promise<unknown> {
    const url = new URL(`${this.o.url}${path}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    let res: Response;
    try {
      res = await fetch(url, {
        headers: { accept: 'application/json', ...(this.o.apiKey ? { 'Ocp-Apim-Subscription-Key': this.o.apiKey } : {}) },
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
    } catch (e) {
      throw new SorgenteNonDisponibile('UNREACHABLE', `FdR GET ${url.pathname}: no answer (${(e as Error).cause ?? (e as Error).message})`);
    }
    const body = await res.text();
    if (!res.ok) {
      const what = res.status === 401 || res.status === 403 ? ' (check RENDICONTAZIONI_FDR_API_KEY)' : '';
      throw new SorgenteNonDisponibile(`HTTP_${res.status}`, `FdR GET ${url.pathname}: HTTP ${res.status}${what} ${body.slice(0, 300)}`);
    }
    try {
      return JSON.parse(body);
    } catch {
      throw new SorgenteNonDisponibile('PROTOCOL', `FdR GET ${url.pathname}: the answer is not JSON`);
    }
  }

  /** Every page of a paged resource, in order. */
  private async pages<T extends z.ZodType<{ metadata: { totPage: number } }>>(
    path: string,
    schema: T,
    strict: boolean,
  ): Promise<z.infer<T>[]> {
    const size = String(this.o.pageSize ?? 1000);
    const all: z.infer<T>[] = [];
    for (let page = 1; ; page++) {
      const parsed = schema.safeParse(await this.get(path, { page: String(page), size }));
      if (!parsed.success) {
        const why = `FdR GET ${path} page ${page}: ${parsed.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ')}`;
        if (strict) throw new RispostaNonConforme(why);
        throw new SorgenteNonDisponibile('PROTOCOL', why);
      }
      all.push(parsed.data);
      if (page >= parsed.data.metadata.totPage) return all;
    }
  }

  async elenco(d: DominioStazione): Promise<FlussoElencato[]> {
    const pages = await this.pages(`/organizations/${encodeURIComponent(d.idDominio)}/fdrs`, elenco, false);
    return pages.flatMap((p) => p.data.map((f) => ({ idFlusso: f.fdr, dataOraFlusso: f.flowDate, idPsp: f.pspId, revisione: f.revision })));
  }

  async scarica(d: DominioStazione, f: FlussoElencato): Promise<FlussoScaricato> {
    const base = `/organizations/${encodeURIComponent(d.idDominio)}/fdrs/${encodeURIComponent(f.idFlusso)}/revisions/${f.revisione}/psps/${encodeURIComponent(f.idPsp ?? '')}`;
    try {
      const testata = flusso.safeParse(await this.get(base));
      if (!testata.success)
        throw new RispostaNonConforme(
          `FdR GET ${base}: ${testata.error.issues
            .slice(0, 5)
            .map((i) => `${i.path.join('.')}: ${i.message}`)
            .join('; ')}`,
        );
      const t = testata.data;
      const righe = (await this.pages(`${base}/payments`, pagamenti, true)).flatMap((p) => p.data);
      return {
        ok: true,
        flusso: {
          sorgente: 'FDR',
          idDominio: d.idDominio,
          idFlusso: t.fdr,
          dataOraFlusso: t.fdrDate,
          revisione: t.revision,
          idPsp: t.sender.pspId,
          bicRiversamento: t.bicCodePouringBank,
          trn: t.regulation,
          dataRegolamento: t.regulationDate,
          numeroPagamenti: t.totPayments,
          importoTotaleCents: t.sumPayments,
          pagamenti: righe.map((p) => ({
            iuv: p.iuv,
            iur: p.iur,
            indice: p.idTransfer,
            importoCents: p.pay,
            esito: ESITI[p.payStatus],
            data: romeDate(p.payDate),
          })),
        },
      };
    } catch (e) {
      if (e instanceof RispostaNonConforme) return { ok: false, errori: [e.message] };
      throw e;
    }
  }
}
