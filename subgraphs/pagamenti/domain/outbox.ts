// The outbox is the hub's, not this context's: every context writes its after-commit work there
// (schema/outbox.ts). The pagamenti context runs the worker that reads it.
export { enqueue, outboxSignal, type NuovoJob } from '../../../schema/outbox';
