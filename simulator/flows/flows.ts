import { z } from 'zod';
import { centsToEuro } from '../../core/money';
import { romeDate } from '../../core/rome-time';
import { formatAmount, parseSoapAmount } from '../../pagopa/soap/amount';
import type { PaymentRecord } from '../flow/record';
import type { PspProfile } from '../soap/receipt';
import { parseRequest, text35 } from '../flow/request';
import { sumCents, type FlowLine, type PublishedFlow } from './flow';

/** A control API request the simulator understood but cannot honour: 404 unknown, 409/422 nothing to do. */
export class FlowRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const publishRequestSchema = z.strictObject({
  idDominio: z.string().regex(/^\d{11}$/, 'must be the dominio fiscal code (11 digits)'),
  idPsp: text35.optional(),
  /** The payments to report, by IUV; default: every delivered payment not reported yet. */
  iuv: z.array(text35).min(1).max(100_000).optional(),
  /** false: one flow per payment (single SCTs, causale /RFB/ or /RFS/); default one flow for all. */
  cumulative: z.boolean().default(true),
  /** Test hooks: a total that differs from the lines by a cent; a document that breaks the XSD. */
  wrongTotal: z.boolean().default(false),
  breakXsd: z.boolean().default(false),
  /** Benchmarks: a cumulative flow of this many made-up payments (no receipt behind them). */
  synthetic: z.number().int().min(1).max(100_000).optional(),
});
export type PublishRequest = z.input<typeof publishRequestSchema>;

export const reviseRequestSchema = z.strictObject({ idDominio: z.string().regex(/^\d{11}$/), wrongTotal: z.boolean().default(false) });

/** What POST /api/flows answers for each flow: what the Ente's treasury sees of the transfer. */
export interface PublishedSummary {
  identificativoFlusso: string;
  revisione: number;
  dataOraFlusso: string;
  importoTotale: number;
  numeroPagamenti: number;
  causale: string;
}

/** The SCT description of a single payment's transfer: /RFS/ for an RF creditor reference, else /RFB/. */
function singleCausale(l: FlowLine): string {
  return `/${l.iuv.startsWith('RF') ? 'RFS' : 'RFB'}/${l.iuv}/${formatAmount(l.importoCents)}`;
}

/**
 * The PSP's reporting: flows built from the payments the simulator delivered (the receipts the
 * station acknowledged), kept with their revisions, and served to the hub by the Nodo's and FdR's
 * endpoints (nodo-routes.ts, fdr-routes.ts). In memory, like the payments' history.
 */
export class Flows {
  /** Revisions of each flow, oldest first, by `dominio|idFlusso`. */
  private readonly flows = new Map<string, PublishedFlow[]>();
  /** Payments already reported (dominio|iuv|iur): a default flow does not report them again. */
  private readonly reported = new Set<string>();
  /** Makes identificativiFlusso unique across restarts of the simulator on the same day. */
  private readonly run = Date.now().toString(36);
  private seq = 0;

  constructor(
    private readonly payments: () => PaymentRecord[],
    /** The PSP of made-up flows (the Nodo's default). */
    private readonly psp: PspProfile,
  ) {}

  publish(input: unknown): PublishedSummary[] {
    const r = parseRequest(publishRequestSchema, input);
    if (r.synthetic) return [summary(this.add(this.syntheticFlow(r.idDominio, r.synthetic), []))];
    const delivered = this.payments().filter((p) => p.status === 'ESEGUITO' && p.receipt && p.iuv && p.amount && p.idPA === r.idDominio);
    if (!delivered.length && !this.payments().some((p) => p.idPA === r.idDominio)) {
      throw new FlowRequestError(404, `dominio ${r.idDominio} unknown to the simulator: it played no payment for it`);
    }
    const ofPsp = delivered.filter((p) => !r.idPsp || p.psp.idPSP === r.idPsp);
    let chosen: PaymentRecord[];
    if (r.iuv) {
      const unknown = r.iuv.filter((iuv) => !ofPsp.some((p) => p.iuv === iuv));
      if (unknown.length) {
        throw new FlowRequestError(
          422,
          `no delivered payment of dominio ${r.idDominio}${r.idPsp ? ` and PSP ${r.idPsp}` : ''} with iuv ${unknown.join(', ')}`,
        );
      }
      chosen = ofPsp.filter((p) => r.iuv!.includes(p.iuv!));
    } else {
      chosen = ofPsp.filter((p) => !this.reported.has(this.key(p)));
    }
    if (!chosen.length)
      throw new FlowRequestError(
        422,
        `no delivered payment of dominio ${r.idDominio}${r.idPsp ? ` and PSP ${r.idPsp}` : ''} left to report`,
      );
    // One flow per PSP: a flow is one PSP's transfer.
    const byPsp = new Map<string, PaymentRecord[]>();
    for (const p of chosen) byPsp.set(p.psp.idPSP, [...(byPsp.get(p.psp.idPSP) ?? []), p]);
    const groups = r.cumulative ? [...byPsp.values()] : chosen.map((p) => [p]);
    const published = groups.map((g) => this.add(this.newFlow(r.idDominio, g, r), g));
    return published.map(summary);
  }

  /** A later revision of a published flow: the same lines, a later dataOraFlusso. */
  revise(idFlusso: string, input: unknown): PublishedSummary {
    const r = parseRequest(reviseRequestSchema, input);
    const revisions = this.flows.get(`${r.idDominio}|${idFlusso}`);
    if (!revisions) throw new FlowRequestError(404, `no flow ${idFlusso} for dominio ${r.idDominio}`);
    const last = revisions[revisions.length - 1];
    const dataOraFlusso = new Date(Math.max(Date.now(), last.dataOraFlusso.getTime() + 1));
    const total = sumCents(last.lines) + (r.wrongTotal ? 1 : 0);
    const next: PublishedFlow = { ...last, revision: last.revision + 1, dataOraFlusso, importoTotaleCents: total, breaksXsd: false };
    revisions.push(next);
    return summary(next);
  }

  /** The latest revision of each flow of a dominio, oldest first. */
  latest(idDominio: string): PublishedFlow[] {
    return [...this.flows.values()].map((r) => r[r.length - 1]).filter((f) => f.idDominio === idDominio);
  }

  /** A flow's revision (the latest when none is named). */
  find(idDominio: string, idFlusso: string, revision?: number): PublishedFlow | undefined {
    const revisions = this.flows.get(`${idDominio}|${idFlusso}`);
    return revision === undefined ? revisions?.[revisions.length - 1] : revisions?.find((f) => f.revision === revision);
  }

  /** Every revision of every flow, oldest first (GET /api/flows). */
  list(): PublishedFlow[] {
    return [...this.flows.values()].flat();
  }

  clear(): void {
    this.flows.clear();
    this.reported.clear();
  }

  private key(p: PaymentRecord): string {
    return `${p.idPA}|${p.iuv}|${p.receipt?.receiptId}`;
  }

  private newFlow(idDominio: string, payments: PaymentRecord[], r: z.output<typeof publishRequestSchema>): PublishedFlow {
    const now = new Date();
    const psp = payments[0].psp;
    const seq = String(++this.seq).padStart(4, '0');
    const idFlusso = `${romeDate(now)}${psp.idPSP}-${this.run}${seq}`;
    const lines: FlowLine[] = payments.map((p) => ({
      iuv: p.iuv!,
      iur: p.receipt!.receiptId,
      indice: 1,
      importoCents: parseSoapAmount(p.amount!) ?? 0,
      esito: p.options.standIn ? 4 : 0,
      data: romeDate(p.finishedAt ?? p.createdAt),
    }));
    const causale = r.cumulative ? `/PUR/LGPE-RIVERSAMENTO/URI/${idFlusso}` : singleCausale(lines[0]);
    return {
      ...this.flowOf(idFlusso, idDominio, psp, lines, now, causale, seq, r),
      ragioneSocialeDominio: payments[0].verified?.companyName,
    };
  }

  private flowOf(
    idFlusso: string,
    idDominio: string,
    psp: PspProfile,
    lines: FlowLine[],
    now: Date,
    causale: string,
    seq: string,
    r: { wrongTotal: boolean; breakXsd: boolean },
  ): PublishedFlow {
    return {
      idFlusso,
      revision: 1,
      dataOraFlusso: now,
      idDominio,
      idPsp: psp.idPSP,
      pspName: psp.PSPCompanyName,
      idBrokerPsp: psp.idPSP,
      idChannel: psp.idChannel,
      trn: `SCT${this.run}${seq}`.toUpperCase(),
      dataRegolamento: romeDate(now),
      bic: 'SIMPITM1XXX',
      lines,
      importoTotaleCents: sumCents(lines) + (r.wrongTotal ? 1 : 0),
      breaksXsd: r.breakXsd,
      causale,
    };
  }

  /** Made-up payments of 1.00 to 100.00 euro, paid by the default PSP: a big flow without paying it first. */
  private syntheticFlow(idDominio: string, n: number): PublishedFlow {
    const now = new Date();
    const seq = String(++this.seq).padStart(4, '0');
    const idFlusso = `${romeDate(now)}${this.psp.idPSP}-${this.run}${seq}`;
    const lines: FlowLine[] = Array.from({ length: n }, (_, i) => ({
      iuv: `9${this.run}${seq}${String(i).padStart(6, '0')}`.slice(0, 35),
      iur: `SYN${seq}${i}`,
      indice: 1,
      importoCents: 100 + ((i * 37) % 9901),
      esito: 0,
      data: romeDate(now),
    }));
    return this.flowOf(idFlusso, idDominio, this.psp, lines, now, `/PUR/LGPE-RIVERSAMENTO/URI/${idFlusso}`, seq, {
      wrongTotal: false,
      breakXsd: false,
    });
  }

  private add(flow: PublishedFlow, payments: PaymentRecord[]): PublishedFlow {
    this.flows.set(`${flow.idDominio}|${flow.idFlusso}`, [flow]);
    for (const p of payments) this.reported.add(this.key(p));
    return flow;
  }
}

function summary(f: PublishedFlow): PublishedSummary {
  return {
    identificativoFlusso: f.idFlusso,
    revisione: f.revision,
    dataOraFlusso: f.dataOraFlusso.toISOString(),
    importoTotale: centsToEuro(f.importoTotaleCents),
    numeroPagamenti: f.lines.length,
    causale: f.causale,
  };
}
