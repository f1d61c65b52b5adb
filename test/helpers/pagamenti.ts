import { PagamentoPortale } from '../../schema/entities';
import type { Orm } from '../../schema/orm';
import { nuovaPendenza } from './fixtures';
import { basic, call, gql, IDA2A01, type Reply } from './http';
import type { TestHub } from './hub';

/** Payments started on a portal, through the graph as a portal calls it. */
export const PV2 = '/govpay/backend/api/pendenze/rs/basic/v2';
export const APP = basic(IDA2A01);
export const PORTALE = 'https://portale.ente.example/pagamenti/esito';

export const PAGAMENTO_FIELDS = `id idPagamento idSession nome stato descrizioneStato importo redirect urlRitorno idSessionePortale esitoRitorno dataScadenza
  avviatoDa { tipo principal } pendenze { indice idDominio numeroAvviso iuv importo esito ccp pendenza { idA2A idPendenza } }`;

const AVVIA = `mutation ($input: AvviaPagamentoInput!) { avviaPagamento(input: $input) { created redirect pagamento { ${PAGAMENTO_FIELDS} } } }`;

let seq = 0;
export const newId = (prefix = 'PAG') => `${prefix}-${Date.now()}-${++seq}`;

/** A pendenza of IDA2A01 loaded through API Pendenze (GovPay's standard body, with `over`). */
export async function loadPendenza(t: TestHub, over: Record<string, unknown> = {}) {
  const idPendenza = newId();
  const r = await call(t.baseUrl, 'PUT', `${PV2}/pendenze/IDA2A01/${idPendenza}`, { auth: APP, body: nuovaPendenza(idPendenza, over) });
  if (r.status !== 201) throw new Error(`PUT pendenza: ${r.status} ${JSON.stringify(r.body)}`);
  const numeroAvviso = r.body.numeroAvviso as string;
  return { idA2A: 'IDA2A01', idPendenza, numeroAvviso, iuv: numeroAvviso.slice(3) };
}

export const riferimento = (p: { idA2A: string; idPendenza: string }) => ({ riferimento: { idA2A: p.idA2A, idPendenza: p.idPendenza } });
export const avviso = (p: { numeroAvviso: string }, idDominio = '12345678901') => ({ avviso: { idDominio, numeroAvviso: p.numeroAvviso } });

/** The graph's avviaPagamento with a cart, returning to PORTALE unless `input` says otherwise. */
export function avvia(t: TestHub, pendenze: unknown[], input: Record<string, unknown> = {}, auth: string = APP): Promise<Reply> {
  return gql(t.baseUrl, AVVIA, { input: { pendenze, urlRitorno: PORTALE, ...input } }, auth);
}

/** The payment an avviaPagamento answered, or a failure naming what the graph said. */
export function avviato(r: Reply): { created: boolean; redirect: string; pagamento: any } {
  if (r.body?.errors || !r.body?.data?.avviaPagamento) throw new Error(`avviaPagamento failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.data.avviaPagamento;
}

/** The GovPay fault a refused graph operation carries. */
export const faultOf = (r: Reply) => r.body?.errors?.[0]?.extensions as Record<string, any> | undefined;

/** A payment by its global id (what the graph answered), or by GovPay's idPagamento (what a fault names). */
export async function pagamento(t: TestHub, id: string | { idPagamento: string }, auth: string = APP): Promise<any> {
  const args = typeof id === 'string' ? { id } : id;
  const r = await gql(
    t.baseUrl,
    `query ($id: ID, $idPagamento: String) { pagamento(id: $id, idPagamento: $idPagamento) { ${PAGAMENTO_FIELDS} } }`,
    args,
    auth,
  );
  if (r.body?.errors) throw new Error(`pagamento(${JSON.stringify(args)}): ${JSON.stringify(r.body.errors)}`);
  return r.body.data.pagamento;
}

/** How many sessions the database holds, by state: what bad input must leave unchanged. */
export async function sessioni(orm: Orm): Promise<Record<string, number>> {
  const rows = await orm.em.fork().find(PagamentoPortale, {}, { fields: ['stato'] });
  return rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.stato]: (acc[r.stato] ?? 0) + 1 }), {});
}
