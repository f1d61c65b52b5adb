import { fromGlobalKeyId, toGlobalKeyId } from '../../../../core/global-id';

/** The graph type a payment session's global id names. */
export const PAGAMENTO = 'Pagamento';

/**
 * A session's global id (Pagamento.id) encodes GovPay's idPagamento as its natural key: the events
 * keep carrying idPagamento, and whoever holds only that (GovPay's REST paths) makes the id from it.
 */
export const pagamentoGlobalId = (idPagamento: string): string => toGlobalKeyId(PAGAMENTO, [idPagamento]);

/** GovPay's idPagamento of a global id; a malformed id, or one of another type, is a syntax error. */
export const idPagamentoOf = (id: string): string => fromGlobalKeyId(PAGAMENTO, id, 1)[0];
