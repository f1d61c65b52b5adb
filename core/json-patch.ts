/** GovPay's JSON-patch operations (its patchOp), for every resource the Backoffice patches. */
export const OPERAZIONI_PATCH = ['ADD', 'DELETE', 'REPLACE'] as const;
export type OperazionePatch = (typeof OPERAZIONI_PATCH)[number];
