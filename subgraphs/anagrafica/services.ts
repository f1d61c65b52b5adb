// What the anagrafica context publishes to the rest of the hub: the edge's authentication, the
// demo configuration, the inputs GovPay's REST APIs validate with, and the revision other contexts
// cache against. Anything else in this folder is the context's own.
export { CredentialsService, principalOf } from './domain/credentials';
export { DEMO, isEmpty, seedDemo } from './domain/demo';
export {
  contoAccreditoInput,
  dominioInput,
  entrataDominioInput,
  tipoPendenzaDominioInput,
  unitaOperativaInput,
  applicazioneInput,
  intermediarioInput,
  operatoreInput,
  patchOps,
  ruoloInput,
  stazioneInput,
  tipoEntrataInput,
  tipoPendenzaInput,
  VERSIONI_API_INTEGRAZIONE,
  VERSIONI_CONNETTORE,
} from './domain/inputs';
export { anagraficaRevision, READ_REVISION } from './domain/revision';
