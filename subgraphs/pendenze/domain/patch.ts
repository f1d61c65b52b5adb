import { z } from 'zod';
import type { NotaPendenza, Pendenza } from '../../../schema/entities';
import { errors } from '../../../core/errors';

/** One of GovPay's JSON-patch operations, its form already checked. */
export interface PatchOp {
  op: string;
  path: string;
  value?: unknown;
}

const OPS = ['ADD', 'DELETE', 'REPLACE'];

/** What GovPay's PATCH /nota carries; the hub fills in who wrote it and when. */
const notaValue = z.object({
  oggetto: z.string().min(1).max(255),
  testo: z.string().max(4000).default(''),
  tipo: z.string().max(35).default('NOTA_PENDENZA'),
});

/** GovPay's texts (UtenzaPatchUtils, PendenzeDAO) for an op the path does not take. */
const opNonValido = (o: PatchOp) => errors.syntax(`Op '${o.op}' non valido per il path '${o.path}'`);
const valueNonValido = (o: PatchOp) => errors.syntax(`Value non valido per il path '${o.path}'`);

/**
 * Applies GovPay's PATCH of a pendenza (PendenzeDAO.patch) to the loaded row, in the request's order:
 * `/stato` (REPLACE: ANNULLATA from NON_ESEGUITA, NON_ESEGUITA from ANNULLATA), `/descrizioneStato`
 * (REPLACE), `/ack` (REPLACE with a boolean: the operator has looked at the anomalies) and `/nota`
 * (ADD of {oggetto, testo, tipo}: kept in the notes, and its oggetto becomes the descrizioneStato,
 * as GovPay does). Every op's form is checked before any is applied; the caller's transaction
 * rolls back a transition the pendenza's state refuses, so a bad op changes nothing.
 */
export function applyPatch(p: Pendenza, ops: PatchOp[], autore: string, label: string, now = new Date()): void {
  const changes = ops.map((o) => change(o, autore, label, now));
  for (const apply of changes) apply(p);
}

function change(o: PatchOp, autore: string, label: string, now: Date): (p: Pendenza) => void {
  if (!OPS.includes(o.op)) throw errors.syntax("Il campo op non e' valido.");
  switch (o.path) {
    case '/stato':
      if (o.op !== 'REPLACE') throw opNonValido(o);
      if (o.value === 'ANNULLATA') return (p) => transition(p, 'NON_ESEGUITA', 'ANNULLATA', 'VER_009', label, "l'annullamento");
      if (o.value === 'NON_ESEGUITA') return (p) => transition(p, 'ANNULLATA', 'NON_ESEGUITA', 'VER_003', label, "l'aggiornamento");
      throw errors.syntax(`Il valore '${String(o.value)}' non e' ammesso per /stato: usare ANNULLATA o NON_ESEGUITA.`);
    case '/descrizioneStato': {
      if (o.op !== 'REPLACE') throw opNonValido(o);
      if (typeof o.value !== 'string' || !o.value) throw valueNonValido(o);
      const descrizione = o.value.slice(0, 255);
      return (p) => void (p.descrizioneStato = descrizione);
    }
    case '/ack': {
      if (o.op !== 'REPLACE') throw opNonValido(o);
      if (typeof o.value !== 'boolean') throw valueNonValido(o);
      const ack = o.value;
      return (p) => void (p.ack = ack);
    }
    case '/nota': {
      if (o.op !== 'ADD') throw opNonValido(o);
      const v = notaValue.safeParse(o.value);
      if (!v.success) throw valueNonValido(o);
      const nota: NotaPendenza = { autore, ...v.data, data: now.toISOString() };
      return (p) => {
        p.note = [...(p.note ?? []), nota];
        p.descrizioneStato = nota.oggetto;
      };
    }
    default:
      throw errors.syntax("Il campo path non e' valido.");
  }
}

function transition(p: Pendenza, from: Pendenza['stato'], to: Pendenza['stato'], codice: string, label: string, what: string): void {
  if (p.stato !== from) throw errors.unprocessable(codice, `La pendenza ${label} e' in uno stato che non consente ${what} (${p.stato})`);
  p.stato = to;
}
