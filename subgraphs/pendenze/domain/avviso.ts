import type { EntityManager } from '@mikro-orm/core';
import { ContoAccredito, Pendenza } from '../../../schema/entities';
import { errors } from '../../../core/errors';
import { renderAvvisoPdf, type AvvisoPdfData, type LinguaSecondaria } from '../avviso';

/**
 * The Avviso pagoPA of one pendenza, or of the rate of a documento (one page each): the Ente, the
 * debtor, amounts and due dates, and the Poste bollettino when the IBAN the first voce credits is
 * a postal account of the dominio.
 */
export async function avvisoPdf(em: EntityManager, rate: Pendenza[], lingua?: LinguaSecondaria | null): Promise<Buffer> {
  const p = rate[0];
  const senzaNumero = rate.find((r) => !r.numeroAvviso);
  if (senzaNumero) {
    throw errors.unprocessable(
      'VER_017',
      `La pendenza (IdA2A:${senzaNumero.applicazione.idA2A}, Id:${senzaNumero.idPendenza}) non ha un numero avviso da stampare.`,
    );
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
      info:
        [r.indirizzo && `${r.indirizzo} ${r.civico ?? ''}`.trim(), r.cap && r.localita && `${r.cap} ${r.localita}`, r.web, r.email, r.tel]
          .filter(Boolean)
          .join(' - ') || undefined,
      cbill: dominio.cbill ?? undefined,
      logo: dominio.logo ?? undefined,
    },
    causale: rate.length > 1 && typeof p.documento?.descrizione === 'string' ? p.documento.descrizione : p.causale,
    debitore: {
      cf: p.soggettoPagatore.identificativo,
      anagrafica: p.soggettoPagatore.anagrafica ?? p.soggettoPagatore.identificativo,
      indirizzo:
        [p.soggettoPagatore.indirizzo, p.soggettoPagatore.civico, p.soggettoPagatore.cap, p.soggettoPagatore.localita]
          .filter(Boolean)
          .join(' ') || undefined,
    },
    rate: rate.map((r) => ({
      numeroAvviso: r.numeroAvviso as string,
      importoCents: r.importoCents,
      dataScadenza: r.dataScadenza ?? undefined,
      iuv: r.iuv ?? undefined,
    })),
    postale: conto?.postale
      ? {
          iban: conto.iban,
          intestatario: conto.intestatario ?? dominio.ragioneSociale,
          autorizzazione: conto.autStampaPosteItaliane ?? dominio.autStampaPosteItaliane ?? undefined,
        }
      : undefined,
    linguaSecondaria: lingua ?? undefined,
  };
  return renderAvvisoPdf(data);
}
