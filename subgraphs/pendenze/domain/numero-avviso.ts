import type { EntityManager } from '@mikro-orm/core';
import type { Applicazione, Dominio } from '../../../schema/entities';
import { expandIuvPrefix, numeroAvvisoFor, referenceFor, validateNumeroAvviso } from './iuv';
import { nextProgressive } from './iuv-sequence';

export interface NumeroAvviso {
  numeroAvviso: string;
  iuv: string;
}

/**
 * A new numero avviso for a dominio: its IUV prefix template expanded for the applicazione and
 * tipo pendenza, then the dominio's next progressive, then the mod-93 check digits.
 */
export async function generateNumeroAvviso(
  em: EntityManager,
  dominio: Dominio,
  applicazione: Applicazione,
  idPendenza: string,
  codificaIuvTipoPendenza: string | null,
): Promise<NumeroAvviso> {
  const prefix = expandIuvPrefix(dominio.iuvPrefix, {
    codificaIuvApplicazione: applicazione.codificaIuv,
    codificaIuvTipoPendenza,
    now: new Date(),
    pendenza: { idA2A: applicazione.idA2A, idPendenza, idDominio: dominio.idDominio },
  });
  const aux = dominio.auxDigit as '0' | '1' | '2' | '3';
  const length = aux === '0' || aux === '3' ? 13 : 15;
  const progressive = await nextProgressive(em, dominio.idDominio, prefix);
  return numeroAvvisoFor(aux, referenceFor(prefix, BigInt(progressive), length, dominio.idDominio), {
    applicationCode: dominio.stazione.applicationCode,
    segregationCode: dominio.segregationCode ?? undefined,
  });
}

/** An Ente-supplied numero avviso, checked as GovPay checks it (VER_039, VER_026, VER_027, VER_017, VER_030). */
export function checkNumeroAvviso(
  numeroAvviso: string,
  ctx: { dominio: Dominio; applicazione: Applicazione; idPendenza: string },
): NumeroAvviso {
  const { iuv } = validateNumeroAvviso(numeroAvviso, {
    idA2A: ctx.applicazione.idA2A,
    idPendenza: ctx.idPendenza,
    idDominio: ctx.dominio.idDominio,
    auxDigit: ctx.dominio.auxDigit,
    idStazione: ctx.dominio.stazione.idStazione,
    applicationCode: ctx.dominio.stazione.applicationCode,
    segregationCode: ctx.dominio.segregationCode,
    regExpIuv: ctx.applicazione.regExpIuv,
  });
  return { numeroAvviso, iuv };
}
