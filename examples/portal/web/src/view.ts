/** Small helpers of the pages: elements by id, amounts and dates as an Italian reader expects them. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from the page`);
  return el as T;
}

/** The graph's Importo is a decimal string ("100.99"). */
export const euro = (importo: string) =>
  new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' }).format(Number(importo)).replace(/\u00a0/g, ' ');

/** yyyy-MM-dd as dd/MM/yyyy; empty when there is none. */
export const giorno = (data: string | null | undefined) => (data ? data.slice(0, 10).split('-').reverse().join('/') : '');

/** A table cell holding text (never HTML: the graph's strings are data). */
export function cell(row: HTMLTableRowElement, text: string): HTMLTableCellElement {
  const td = row.insertCell();
  td.textContent = text;
  return td;
}

export function message(text: string): void {
  byId('messaggio').textContent = text;
}
