import { stripNulls } from '../../core/compact';
import { romeDate, romeDateTime } from '../../core/rome-time';
import { dominioIndex } from '../backoffice/domini';
import { pendenzaIndex, type GraphPendenza, type PendenzaAdapt } from '../pendenze/mapping';
import type { GraphRiconciliazione, GraphRiscossione } from './graph';
import { euro, voceOf } from './json';
import { voceGovPay } from '../../subgraphs/pendenze/services';

/**
 * The "incassi" dialect GovPay's older shapes speak (API Ragioneria v1 and the Backoffice v1): an
 * incasso with its idIncasso, links to the pendenza, the attempt and the incasso, the dominio as
 * its whole index.
 */

const link = {
  pendenza: (p: GraphPendenza | null | undefined) => (p ? `/pendenze/${p.idA2A}/${p.idPendenza}` : undefined),
  rpp: (r: GraphRiscossione) => (r.rpp ? `/rpp/${r.rpp.idDominio}/${r.rpp.iuv}/${encodeURIComponent(r.rpp.ccp)}` : undefined),
  incasso: (r: GraphRiscossione) => (r.riconciliazione ? `/incassi/${r.idDominio}/${r.riconciliazione.idRiconciliazione}` : undefined),
};

/** GovPay's bollo code "01" is "Imposta di bollo" in these APIs. */
const TIPO_BOLLO: Record<string, string> = { '01': 'Imposta di bollo' };

/** pagoPA's transferCategory codes of GovPay's tipoContabilita. */
const TIPO_CONTABILITA: Record<string, string> = { '0': 'CAPITOLO', '1': 'SPECIALE', '2': 'SIOPE', '9': 'ALTRO' };

/**
 * Where the money of a voce collected through an entrata went, as the payment told pagoPA (the
 * request's transfer of that voce: its IBAN, its `<tipo>/<codice>` category): v1 names the entrata
 * by these, not by its code.
 */
function accredito(r: GraphRiscossione) {
  const transfers = (r.rpp?.rpt?.transferList as { transfer?: Array<Record<string, unknown>> } | undefined)?.transfer ?? [];
  const t = transfers.find((x) => Number(x.idTransfer) === r.indice) ?? transfers[r.indice - 1];
  if (!t) return {};
  const [tipo, ...codice] = String(t.transferCategory ?? '').split('/');
  return {
    ibanAccredito: t.IBAN,
    tipoContabilita: TIPO_CONTABILITA[tipo] ?? 'ALTRO',
    codiceContabilita: codice.filter(Boolean).join('/') || tipo,
  };
}

/**
 * A voce in these dialects: exactly one way of collecting it (the entrata's code where the API
 * knows it, else its IBAN and accounting code, or the bollo), as their oneOf requires.
 */
function voce(v: Record<string, unknown> & { importo: string }, conCodEntrata: boolean, r: GraphRiscossione) {
  const {
    importo,
    codEntrata,
    ibanAccredito,
    ibanAppoggio,
    tipoContabilita,
    codiceContabilita,
    tipoBollo,
    hashDocumento,
    provinciaResidenza,
    dominio: _d,
    metadata: _m,
    ...base
  } = v;
  const riscossa = tipoBollo
    ? { tipoBollo: TIPO_BOLLO[String(tipoBollo)] ?? tipoBollo, hashDocumento, provinciaResidenza }
    : conCodEntrata && codEntrata
      ? { codEntrata }
      : ibanAccredito
        ? { ibanAccredito, ibanAppoggio, tipoContabilita, codiceContabilita }
        : accredito(r);
  return stripNulls({ ...voceGovPay(base), importo: euro(importo), ...riscossa });
}

const dominio = (r: { dominio: GraphRiscossione['dominio'] }) => dominioIndex(r.dominio);

/** GovPay's v1 states of a pendenza are five: a collected (INCASSATA) or anomalous one is paid. */
const STATO_V1: Record<string, string> = { INCASSATA: 'ESEGUITA', ANOMALA: 'ESEGUITA' };

/** API Ragioneria v1's riscossioneIndex: links to the pendenza, its attempt and incasso. */
export function riscossioneIndexV1(r: GraphRiscossione) {
  const v = voceOf(r);
  return stripNulls({
    dominio: dominio(r),
    iuv: r.iuv,
    iur: r.iur,
    indice: r.indice,
    pendenza: link.pendenza(r.pendenza),
    vocePendenza: v ? voce(v, false, r) : undefined,
    rpp: link.rpp(r),
    stato: r.stato,
    tipo: r.tipo,
    importo: euro(r.importo),
    data: romeDate(r.data),
    incasso: link.incasso(r),
  });
}

/** API Ragioneria v1's riscossione: the pendenza embedded as its index. */
export function riscossioneV1(r: GraphRiscossione) {
  const p = r.pendenza;
  const pendenza = p
    ? stripNulls({
        ...pendenzaIndex({ ...p, dominio: dominioIndex(p.dominio as never) as never }),
        stato: STATO_V1[String(p.stato)] ?? p.stato,
      })
    : undefined;
  const rpp = r.rpp ? { stato: r.rpp.stato, dettaglioStato: r.rpp.dettaglioStato, rpt: r.rpp.rpt, rt: r.rpp.rt } : undefined;
  return stripNulls({ ...riscossioneIndexV1(r), pendenza, rpp, incasso: undefined });
}

/** API Ragioneria v1's incassoIndex. */
export function incassoIndexV1(r: GraphRiconciliazione) {
  return stripNulls({
    idDominio: r.idDominio,
    idIncasso: r.idRiconciliazione,
    causale: r.causale ?? r.iuv ?? r.idFlusso ?? '',
    importo: euro(r.importo),
    dataValuta: r.dataValuta,
    dataContabile: r.dataContabile,
    ibanAccredito: r.contoAccredito,
  });
}

export const incassoV1 = (r: GraphRiconciliazione & { riscossioni: GraphRiscossione[] }) => ({
  ...incassoIndexV1(r),
  riscossioni: r.riscossioni.map(riscossioneV1),
});

/** The Backoffice's riscossioneIndex: ids and links. */
export function riscossioneIndexBackoffice(r: GraphRiscossione) {
  return stripNulls({
    idDominio: r.idDominio,
    iuv: r.iuv,
    iur: r.iur,
    indice: r.indice,
    pendenza: link.pendenza(r.pendenza),
    idVocePendenza: voceOf(r)?.idVocePendenza,
    rpp: link.rpp(r),
    stato: r.tipo === 'ALTRO_INTERMEDIARIO' ? undefined : r.stato,
    tipo: r.tipo,
    importo: euro(r.importo),
    data: romeDate(r.data),
    incasso: link.incasso(r),
  });
}

/** The Backoffice's riscossione: the voce with its dominio and pendenza (in the shape `adapt` gives it). */
export function riscossioneBackoffice(r: GraphRiscossione, adapt?: PendenzaAdapt) {
  const v = voceOf(r);
  const p = r.pendenza;
  const vocePendenza =
    v && p
      ? {
          ...voce(v, true, r),
          dominio: dominio(r),
          pendenza: pendenzaIndex({ ...p, dominio: dominioIndex(p.dominio as never) as never }, adapt),
        }
      : undefined;
  const { idVocePendenza: _id, ...index } = riscossioneIndexBackoffice(r);
  return stripNulls({ ...index, vocePendenza });
}

/** The Backoffice's incassoIndex: the dominio's index, the causale, and the iuv or the flow. */
export function incassoIndexBackoffice(r: GraphRiconciliazione) {
  return stripNulls({
    dominio: dominioIndex(r.dominio),
    idIncasso: r.idRiconciliazione,
    causale: r.causale ?? '',
    importo: euro(r.importo),
    data: romeDateTime(r.dataRichiesta),
    dataValuta: r.dataValuta,
    dataContabile: r.dataContabile,
    ibanAccredito: r.contoAccredito,
    sct: r.sct,
    stato: r.stato,
    descrizioneStato: r.descrizioneStato,
    ...(r.idFlusso ? { idFlusso: r.idFlusso } : { iuv: r.iuv ?? '' }),
  });
}

export const incassoBackoffice = (r: GraphRiconciliazione & { riscossioni: GraphRiscossione[] }, adapt?: PendenzaAdapt) => ({
  ...incassoIndexBackoffice(r),
  riscossioni: r.riscossioni.map((x) => riscossioneBackoffice(x, adapt)),
});
