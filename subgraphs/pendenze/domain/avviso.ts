import type { EntityManager } from '@mikro-orm/core';
import { ContoAccredito, Pendenza } from '../../../schema/entities';
import { errors } from '../../shared/errors';
import { renderAvvisoPdf, type AvvisoPdfData, type LinguaSecondaria } from '../avviso';

export const LINGUE_SECONDARIE: readonly LinguaSecondaria[] = ['de', 'en', 'fr', 'sl'];

/**
 * The Avviso pagoPA of a pendenza: the Ente, the debtor, the amount and due date, and the Poste
 * bollettino when the IBAN it credits (the first voce's) is a postal account of the dominio.
 */
export async function avvisoPdf(em: EntityManager, p: Pendenza, lingua?: string | null): Promise<Buffer> {
  if (!p.numeroAvviso) throw errors.unprocessable('VER_017', `La pendenza (IdA2A:${p.applicazione.idA2A}, Id:${p.idPendenza}) non ha un numero avviso da stampare.`);
  if (lingua && !LINGUE_SECONDARIE.includes(lingua as LinguaSecondaria)) {
    throw errors.syntax(`Il campo linguaSecondaria ammette ${LINGUE_SECONDARIE.join(', ')} o false, non '${lingua}'.`);
  }
  await em.populate(p, ['dominio.logo', 'voci'] as never);
  const dominio = p.dominio;
  const iban = p.voci.getItems()[0]?.ibanAccredito;
  const conto = iban ? await em.findOne(ContoAccredito, { dominio, iban }) : null;
  const r = dominio.recapiti ?? {};
  const data: AvvisoPdfData = {
    ente: {
      cf: dominio.idDominio,
      ragioneSociale: dominio.ragioneSociale,
      settore: p.unitaOperativa?.ragioneSociale ?? dominio.area ?? undefined,
      info: [r.indirizzo && `${r.indirizzo} ${r.civico ?? ''}`.trim(), r.cap && r.localita && `${r.cap} ${r.localita}`, r.web, r.email, r.tel]
        .filter(Boolean)
        .join(' - ') || undefined,
      cbill: dominio.cbill ?? undefined,
      logo: dominio.logo ?? undefined,
    },
    causale: p.causale,
    debitore: {
      cf: p.soggettoPagatore.identificativo,
      anagrafica: p.soggettoPagatore.anagrafica ?? p.soggettoPagatore.identificativo,
      indirizzo: [p.soggettoPagatore.indirizzo, p.soggettoPagatore.civico, p.soggettoPagatore.cap, p.soggettoPagatore.localita]
        .filter(Boolean)
        .join(' ') || undefined,
    },
    rate: [{ numeroAvviso: p.numeroAvviso, importoCents: p.importoCents, dataScadenza: p.dataScadenza ?? undefined, iuv: p.iuv ?? undefined }],
    postale: conto?.postale
      ? {
          iban: conto.iban,
          intestatario: conto.intestatario ?? dominio.ragioneSociale,
          autorizzazione: conto.autStampaPosteItaliane ?? dominio.autStampaPosteItaliane ?? undefined,
        }
      : undefined,
    linguaSecondaria: (lingua as LinguaSecondaria | undefined) || undefined,
  };
  return renderAvvisoPdf(data);
}
