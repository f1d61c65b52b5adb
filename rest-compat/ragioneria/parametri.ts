import { z } from 'zod';
import { errors } from '../../core/errors';
import { parseInput } from '../../core/validation';
import { dateTimeParam, listParam, textParam } from '../shared/table';
import { RICONCILIAZIONE_FIELDS } from './graph';

/** The parameters the accounting APIs share: riscossione types, path keys, list filters and orderings. */

export const TIPI_RISCOSSIONE = ['ENTRATA', 'MBT', 'ALTRO_INTERMEDIARIO', 'ENTRATA_PA_NON_INTERMEDIATA'] as const;
/** GovPay's default riscossione types in a riconciliazione and in lists: the Ente's own entrate and bolli. */
export const TIPI_DEFAULT = ['ENTRATA', 'MBT'];
export const tipiParam = listParam(z.enum(TIPI_RISCOSSIONE)).optional();

const DOMINIO = /^\d{11}$/;
/** A dominio in the path where GovPay validates it (ValidatoreIdentificativi): 11 digits. */
export function idDominioDelPercorso(value: string): string {
  if (!DOMINIO.test(value)) throw errors.syntax(`Il campo idDominio non rispetta il pattern richiesto: ${DOMINIO.source}.`);
  return value;
}

/** The key of a riscossione in the path; indice is GovPay's voce number. */
export function chiaveRiscossione(p: Record<string, string>) {
  return {
    idDominio: p.idDominio,
    iuv: p.iuv,
    iur: p.iur,
    indice: parseInput(
      z.coerce
        .number()
        .int()
        .min(1)
        .max(2 ** 31 - 1),
      p.indice,
      'indice',
    ),
  };
}

export const riscossioniQuery = {
  idDominio: textParam.optional(),
  dataDa: dateTimeParam().optional(),
  dataA: dateTimeParam(true).optional(),
  tipo: tipiParam,
  iur: textParam.optional(),
  iuv: textParam.optional(),
  idA2A: textParam.optional(),
  idPendenza: textParam.optional(),
  stato: z.enum(['RISCOSSA', 'INCASSATA']).optional(),
};
type RiscossioniQuery = z.output<z.ZodObject<typeof riscossioniQuery>>;

export const riscossioniFilter = (q: RiscossioniQuery) => ({
  idDominio: q.idDominio ? [q.idDominio] : undefined,
  dataDa: q.dataDa,
  dataA: q.dataA,
  tipo: q.tipo?.length ? q.tipo : TIPI_DEFAULT,
  iur: q.iur,
  iuv: q.iuv,
  idA2A: q.idA2A,
  idPendenza: q.idPendenza,
  stato: q.stato ? [q.stato] : undefined,
});

export const ORDINAMENTO_RISCOSSIONI = { data: 'DATA', iuv: 'IUV', importo: 'IMPORTO' };
export const ORDINAMENTO_RICONCILIAZIONI = { data: 'DATA_RICHIESTA', dataRichiesta: 'DATA_RICHIESTA', importo: 'IMPORTO' };

export const riconciliazioniQuery = {
  idDominio: textParam.optional(),
  dataDa: dateTimeParam().optional(),
  dataA: dateTimeParam(true).optional(),
};

/** The riconciliazione detail query, with the selections of one API. */
export const riconciliazioneQuery = (
  riscossione: string,
  fields = RICONCILIAZIONE_FIELDS,
) => `query ($idDominio: ID!, $id: ID!, $tipi: [TipoRiscossione!]) {
  r: riconciliazione(idDominio: $idDominio, idRiconciliazione: $id) { ${fields} riscossioni(tipo: $tipi) { ${riscossione} } } }`;
