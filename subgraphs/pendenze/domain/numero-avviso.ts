import type { EntityManager } from '@mikro-orm/core';
import { expandIuvPrefix, numeroAvvisoFor, referenceFor, referenceLength, validateNumeroAvviso, type AuxDigit } from './iuv';
import { iuvAllocator } from './iuv-sequence';
import type { ApplicazioneRef, DominioRef } from './references';

export interface NumeroAvviso {
  numeroAvviso: string;
  iuv: string;
}

/** A number the hub generated, with the progressive it was built from. */
export interface GeneratedNumero extends NumeroAvviso {
  progressive: number;
}

/** Where a new pendenza's numbers come from: its dominio's prefix, expanded for it. */
export interface NumberingPlan {
  dominio: DominioRef;
  prefisso: string;
}

/** The dominio's IUV prefix template expanded for the applicazione and tipo pendenza (VER_028 when not numeric). */
export function numberingPlan(
  dominio: DominioRef,
  applicazione: ApplicazioneRef,
  idPendenza: string,
  codificaIuvTipoPendenza: string | null,
): NumberingPlan {
  const prefisso = expandIuvPrefix(dominio.iuvPrefix, {
    codificaIuvApplicazione: applicazione.codificaIuv,
    codificaIuvTipoPendenza,
    now: new Date(),
    pendenza: { idA2A: applicazione.idA2A, idPendenza, idDominio: dominio.idDominio },
  });
  return { dominio, prefisso };
}

/** New numeri avviso: the prefix, the dominio's next progressives, then the mod-93 check digits. */
export async function takeNumeriAvviso(em: EntityManager, plan: NumberingPlan, count = 1): Promise<GeneratedNumero[]> {
  const progressives = await iuvAllocator(em).take(em, plan.dominio.idDominio, plan.prefisso, count);
  return progressives.map((n) => numeroAvvisoOf(plan, n));
}

/** Gives back numbers taken for pendenze that turned out to have one already. */
export function releaseNumeriAvviso(em: EntityManager, plan: NumberingPlan, numeri: GeneratedNumero[]): void {
  iuvAllocator(em).release(plan.dominio.idDominio, plan.prefisso, numeri.map((n) => n.progressive));
}

function numeroAvvisoOf(plan: NumberingPlan, progressive: number): GeneratedNumero {
  const aux = plan.dominio.auxDigit as AuxDigit;
  const numero = numeroAvvisoFor(aux, referenceFor(plan.prefisso, BigInt(progressive), referenceLength(aux), plan.dominio.idDominio), {
    applicationCode: plan.dominio.applicationCode,
    segregationCode: plan.dominio.segregationCode ?? undefined,
  });
  return { ...numero, progressive };
}

/** An Ente-supplied numero avviso, checked as GovPay checks it (VER_039, VER_026, VER_027, VER_017, VER_030). */
export function checkNumeroAvviso(
  numeroAvviso: string,
  ctx: { dominio: DominioRef; applicazione: ApplicazioneRef; idPendenza: string },
): NumeroAvviso {
  const { iuv } = validateNumeroAvviso(numeroAvviso, {
    idA2A: ctx.applicazione.idA2A,
    idPendenza: ctx.idPendenza,
    idDominio: ctx.dominio.idDominio,
    auxDigit: ctx.dominio.auxDigit,
    idStazione: ctx.dominio.idStazione,
    applicationCode: ctx.dominio.applicationCode,
    segregationCode: ctx.dominio.segregationCode,
    regExpIuv: ctx.applicazione.regExpIuv,
  });
  return { numeroAvviso, iuv };
}
