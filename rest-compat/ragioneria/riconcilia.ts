import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { errors } from '../../core/errors';
import { centsToDecimalString, euroAmount } from '../../core/money';
import type { Principal } from '../../core/principal';
import { parseInput } from '../../core/validation';
import type { GraphClient } from '../shared/graph-client';
import { jsonBody } from '../shared/http';
import { RICONCILIAZIONE_FIELDS, RISCOSSIONE_FIELDS, type GraphRiconciliazioneDettaglio } from './graph';

/**
 * A bank entry posted for reconciliation, as each API names its fields (API Ragioneria v2's
 * NuovaRiconciliazione, v1's and the Backoffice's incassoPost), and the graph's `riconcilia` that
 * records it. GovPay reads causale, then iuv, then idFlusso: the first one given is the reference.
 */

const data = z.iso.date();
const riferimenti = {
  causale: z.string().min(1).max(512).optional(),
  iuv: z.string().min(1).max(35).optional(),
  idFlusso: z.string().min(1).max(35).optional(),
};
/** GovPay's JSON reader takes a number, or a string holding one (`"1000"`); `"10,01"` and `""` are syntax errors. */
const importo = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'un importo numerico')
      .transform(Number),
  ])
  .pipe(euroAmount);
const comune = { importo, dataValuta: data.optional(), dataContabile: data.optional() };

/** API Ragioneria v2: `sct` required, the treasury account is `contoAccredito`. */
const nuovaRiconciliazione = z.object({
  ...riferimenti,
  ...comune,
  sct: z.string().min(1).max(35),
  contoAccredito: z.string().min(1).max(35).optional(),
});
/** API Ragioneria v1 and the Backoffice: the account is `ibanAccredito`, `sct` optional (v1 has only causale). */
const incassoPost = z.object({
  ...riferimenti,
  ...comune,
  sct: z.string().min(1).max(35).optional(),
  ibanAccredito: z.string().min(1).max(35).optional(),
});

export type Dialetto = 'v2' | 'incasso';

/** The graph's RiconciliaInput from a request body in the API's dialect. */
export function riconciliaInput(req: Request, idDominio: string, dialetto: Dialetto, idFlussoCaseInsensitive: boolean) {
  const b = parseInput(dialetto === 'v2' ? nuovaRiconciliazione : incassoPost, jsonBody(req));
  const conto = 'contoAccredito' in b ? b.contoAccredito : (b as { ibanAccredito?: string }).ibanAccredito;
  const riferimento =
    b.causale !== undefined
      ? { causale: b.causale }
      : b.iuv !== undefined
        ? { iuv: b.iuv }
        : b.idFlusso !== undefined
          ? { idFlusso: b.idFlusso }
          : undefined;
  if (!riferimento) throw errors.syntax('Uno dei campi tra causale, iuv o idFlusso deve essere valorizzato.');
  return {
    idDominio,
    ...riferimento,
    idFlussoCaseInsensitive,
    importo: centsToDecimalString(b.importo),
    sct: b.sct ?? sctDerivato(Object.values(riferimento)[0]),
    dataValuta: b.dataValuta,
    dataContabile: b.dataContabile,
    contoAccredito: conto,
  };
}

/**
 * API Ragioneria v1 has no sct (and the Backoffice makes it optional), where the graph keys a
 * riconciliazione on it: the reference itself stands for the transfer (GovPay keys these incassi on
 * the IUV or flow the causale names), hashed when longer than an sct may be. The same causale
 * again is then the same riconciliazione, as in GovPay.
 */
const SCT_MAX = 64;
const sctDerivato = (riferimento: string) =>
  riferimento.length <= SCT_MAX ? riferimento : createHash('sha256').update(riferimento).digest('hex').slice(0, SCT_MAX);

export interface Riconciliato {
  creata: boolean;
  riconciliazione: GraphRiconciliazioneDettaglio;
}

/** Runs `riconcilia` and reads back the riconciliazione with its riscossioni of the types asked. */
export async function riconcilia(
  graph: GraphClient,
  principal: Principal,
  input: ReturnType<typeof riconciliaInput>,
  tipi: string[],
  riscossioneFields = RISCOSSIONE_FIELDS,
): Promise<Riconciliato> {
  const data = await graph.run<{ riconcilia: Riconciliato }>(
    `mutation ($input: RiconciliaInput!, $tipi: [TipoRiscossione!]) { riconcilia(input: $input) {
      creata riconciliazione { ${RICONCILIAZIONE_FIELDS} riscossioni(tipo: $tipi) { ${riscossioneFields} } } } }`,
    { input, tipi },
    principal,
  );
  return data.riconcilia;
}
