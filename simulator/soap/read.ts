import { formatAmount, parseSoapAmount } from '../../pagopa/soap/amount';
import type { XmlElement } from '../../pagopa/soap/parse';
import { OPERATIONS, PAFORNODE_NS, type Operation } from '../../pagopa/soap/protocol';
import {
  type Fault,
  type MapEntry,
  type Outcome,
  type PaymentData,
  type Subject,
  type Transfer,
  type VerifyData,
} from './types';

/**
 * Typed readers of the station's answers. They read by local name and say what is missing or
 * unreadable, in words: conformance is judged separately by the XSD, and these only have to
 * tell whether the simulator can go on with the data it got.
 */
export interface Read<T> {
  value?: T;
  problems: string[];
}

/** One element's fields; every problem is named with its path from the body's root. */
class Fields {
  constructor(
    private readonly el: XmlElement,
    private readonly path: string,
    private readonly problems: string[],
  ) {}

  private find(name: string): XmlElement | undefined {
    return this.el.children.find((c) => c.name === name);
  }

  /** A problem of the element as a whole (a rule across its fields). */
  problem(message: string): void {
    this.problems.push(`${this.path}: ${message}`);
  }

  optional(name: string): string | undefined {
    return this.find(name)?.text;
  }

  required(name: string): string {
    const text = this.optional(name);
    if (text === undefined || text === '') this.problems.push(`${this.path}/${name} is missing`);
    return text ?? '';
  }

  amount(name: string): number {
    const text = this.required(name);
    const cents = parseSoapAmount(text);
    if (text && cents === undefined) this.problems.push(`${this.path}/${name} "${text}" is not an amount like 10.00`);
    return cents ?? 0;
  }

  group(name: string): Fields | undefined {
    const el = this.find(name);
    return el && new Fields(el, `${this.path}/${name}`, this.problems);
  }

  requiredGroup(name: string): Fields {
    const g = this.group(name);
    if (!g) this.problems.push(`${this.path}/${name} is missing`);
    return g ?? new Fields({ name, text: '', children: [] }, `${this.path}/${name}`, this.problems);
  }

  all(name: string): Fields[] {
    return this.el.children.filter((c) => c.name === name).map((c, i) => new Fields(c, `${this.path}/${name}[${i + 1}]`, this.problems));
  }
}

function read<T>(root: XmlElement, build: (f: Fields) => T): Read<T> {
  const problems: string[] = [];
  const value = build(new Fields(root, root.name, problems));
  return problems.length ? { problems } : { value, problems };
}

/** ctResponse: the root the operation answers with, its outcome and its fault. */
export function readResponse(operation: Operation, root: XmlElement): Read<{ outcome: Outcome; fault?: Fault }> {
  const expected = OPERATIONS[operation].response;
  return read(root, (f) => {
    if (root.name !== expected || root.namespace !== PAFORNODE_NS) {
      f.problem(`expected {${PAFORNODE_NS}}${expected}, got {${root.namespace ?? ''}}${root.name}`);
    }
    const outcome = f.required('outcome');
    if (outcome && outcome !== 'OK' && outcome !== 'KO') f.problem(`outcome "${outcome}" is neither OK nor KO`);
    const fault = f.group('fault');
    return { outcome: outcome as Outcome, fault: fault && readFault(fault) };
  });
}

/** A fault is read leniently: a KO with an incomplete fault is still a KO. */
function readFault(f: Fields): Fault {
  return {
    faultCode: f.optional('faultCode') ?? '',
    faultString: f.optional('faultString') ?? '',
    id: f.optional('id') ?? '',
    description: f.optional('description'),
    serial: f.optional('serial'),
    originalFaultCode: f.optional('originalFaultCode'),
    originalFaultString: f.optional('originalFaultString'),
    originalDescription: f.optional('originalDescription'),
  };
}

export function readVerifyData(root: XmlElement): Read<VerifyData> {
  return read(root, (f) => {
    const option = f.requiredGroup('paymentList').requiredGroup('paymentOptionDescription');
    return {
      amountCents: option.amount('amount'),
      options: option.required('options'),
      dueDate: option.optional('dueDate'),
      detailDescription: option.optional('detailDescription'),
      allCCP: option.required('allCCP'),
      paymentDescription: f.optional('paymentDescription'),
      fiscalCodePA: f.optional('fiscalCodePA'),
      companyName: f.optional('companyName'),
      officeName: f.optional('officeName'),
    };
  });
}

/** ctPaymentPA or ctPaymentPAV2 (V2 transfers may ask for a marca da bollo instead of an IBAN). */
export function readPaymentData(root: XmlElement): Read<PaymentData> {
  return read(root, (f) => {
    const data = f.requiredGroup('data');
    const transfers = data.requiredGroup('transferList').all('transfer').map(readTransfer);
    if (!transfers.length) data.problem('transferList has no transfer');
    const paymentAmountCents = data.amount('paymentAmount');
    const total = transfers.reduce((sum, t) => sum + t.transferAmountCents, 0);
    if (transfers.length && total !== paymentAmountCents) {
      // The Nodo expects the transfers to add up to the payment; a receipt built from data that
      // does not would carry the station's inconsistency back to it.
      data.problem(`the transfers add up to ${formatAmount(total)}, paymentAmount is ${formatAmount(paymentAmountCents)}`);
    }
    return {
      creditorReferenceId: data.required('creditorReferenceId'),
      paymentAmountCents,
      dueDate: data.required('dueDate'),
      description: data.required('description'),
      companyName: data.optional('companyName'),
      officeName: data.optional('officeName'),
      debtor: readSubject(data.requiredGroup('debtor')),
      transfers,
      metadata: readMetadata(data.group('metadata')),
    };
  });
}

function readTransfer(t: Fields): Transfer {
  const bollo = t.group('richiestaMarcaDaBollo');
  const iban = t.optional('IBAN');
  if (!bollo && iban === undefined) t.required('IBAN');
  return {
    idTransfer: t.required('idTransfer'),
    transferAmountCents: t.amount('transferAmount'),
    fiscalCodePA: t.required('fiscalCodePA'),
    companyName: t.optional('companyName'),
    iban,
    richiestaMarcaDaBollo: bollo && {
      hashDocumento: bollo.required('hashDocumento'),
      tipoBollo: bollo.required('tipoBollo'),
      provinciaResidenza: bollo.required('provinciaResidenza'),
    },
    remittanceInformation: t.required('remittanceInformation'),
    transferCategory: t.required('transferCategory'),
    metadata: readMetadata(t.group('metadata')),
  };
}

function readSubject(s: Fields): Subject {
  const id = s.requiredGroup('uniqueIdentifier');
  return {
    uniqueIdentifier: {
      entityUniqueIdentifierType: id.required('entityUniqueIdentifierType'),
      entityUniqueIdentifierValue: id.required('entityUniqueIdentifierValue'),
    },
    fullName: s.required('fullName'),
    streetName: s.optional('streetName'),
    civicNumber: s.optional('civicNumber'),
    postalCode: s.optional('postalCode'),
    city: s.optional('city'),
    stateProvinceRegion: s.optional('stateProvinceRegion'),
    country: s.optional('country'),
    email: s.optional('e-mail'),
  };
}

function readMetadata(m: Fields | undefined): MapEntry[] | undefined {
  return m?.all('mapEntry').map((e) => ({ key: e.required('key'), value: e.required('value') }));
}
