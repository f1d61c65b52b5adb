// The live esiti dashboard (served at /dashboard): an operatore logs in, the page subscribes to
// ricevutaRegistrata over graphql-ws (the protocol spoken by hand below: a handful of messages)
// and shows today's receipts of the domini the hub lets that operatore see. No framework, no
// build step; the credentials live in this page's memory only.
(() => {
  'use strict';

  const FIELDS = 'idDominio iuv ccp esito importo dataRicevuta idPsp ragioneSocialePsp dominio { ragioneSociale }';
  const SUBSCRIPTION = `subscription { ricevutaRegistrata { ${FIELDS} } }`;
  const TODAY = `query ($da: DateTimeISO!, $after: String) {
    rpps(filter: { dataRtDa: $da }, orderBy: [{ field: DATA_RICEVUTA, direction: DESC }], first: 100, after: $after, withCount: false) {
      nodes { ${FIELDS} } pageInfo { hasNextPage endCursor } }
  }`;
  /** Rows kept on the page; the counts cover the whole day. */
  const MAX_ROWS = 200;
  /** Today's receipts are read at most this many pages of 100, the graph's largest (a day of 100,000 payments). */
  const MAX_PAGES = 1000;
  const RECONNECT_MS = 2000;
  /** graphql-ws close codes the hub uses for a refused connection_init (4000 + the HTTP status). */
  const REFUSED = {
    4401: 'Accesso negato: utente o password errati.',
    4403: "L'utente non ha il diritto di leggere i pagamenti.",
    4429: 'Troppi tentativi falliti: riprova più tardi.',
    4503: 'Il servizio non è disponibile: riprova più tardi.',
  };

  const $ = (id) => document.getElementById(id);
  const ui = {
    form: $('accesso'),
    utente: $('utente'),
    password: $('password'),
    errore: $('errore'),
    stato: $('stato'),
    esci: $('esci'),
    cruscotto: $('cruscotto'),
    giorno: $('giorno'),
    esiti: document.querySelector('#esiti tbody'),
    totalePagamenti: $('totale-pagamenti'),
    totaleImporto: $('totale-importo'),
    grafico: $('grafico'),
    righe: document.querySelector('#pagamenti tbody'),
  };

  /** 'Basic …' while logged in; nowhere else (no storage, no cookie). */
  let authorization = null;
  let socket = null;
  let reconnectTimer = null;
  /** Today's numbers: the Rome day, the receipts counted (each once), per esito and per hour. */
  let day = null;

  // --- money: the graph's Importo is a "123.45" string; sums are in integer cents.
  const toCents = (importo) => {
    const m = /^(\d+)\.(\d{2})$/.exec(String(importo));
    return m ? Number(m[1]) * 100 + Number(m[2]) : 0;
  };
  const euro = (cents) => {
    const units = String(Math.trunc(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return `${units},${String(cents % 100).padStart(2, '0')} €`;
  };

  // --- time: the Ente's day is Rome's, whatever the browser's zone (core/rome-time.ts's formatter,
  // repeated here: the page's script is served as written and imports nothing).
  const romeFormat = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const rome = (date) => Object.fromEntries(romeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  const romeDay = (date) => {
    const p = rome(date);
    return `${p.year}-${p.month}-${p.day}`;
  };
  /** Rome's offset from UTC at `date`, in ms. */
  const romeOffset = (date) => {
    const p = rome(date);
    return Date.UTC(+p.year, p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(date.getTime() / 1000) * 1000;
  };
  /** When Rome's current day began (asked twice: the offset at midnight may differ from now's on a DST day). */
  const romeMidnight = (now) => {
    const p = rome(now);
    const wall = Date.UTC(+p.year, p.month - 1, +p.day);
    const guess = new Date(wall - romeOffset(now));
    return new Date(wall - romeOffset(guess));
  };

  const base64 = (text) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

  // --- the page's states
  function setStatus(text, live = false) {
    ui.stato.textContent = text;
    ui.stato.classList.toggle('live', live);
  }

  function showLogin(message) {
    authorization = null;
    clearTimeout(reconnectTimer);
    if (socket) {
      const s = socket;
      socket = null;
      s.close(1000, 'logout');
    }
    day = null;
    ui.cruscotto.hidden = true;
    ui.esci.hidden = true;
    ui.form.hidden = false;
    ui.errore.textContent = message || '';
    setStatus('');
  }

  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    authorization = `Basic ${base64(`${ui.utente.value}:${ui.password.value}`)}`;
    ui.password.value = '';
    ui.errore.textContent = '';
    connect();
  });
  ui.esci.addEventListener('click', () => showLogin());

  // --- graphql-ws (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md)
  function connect() {
    setStatus('Connessione…');
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    const ws = new WebSocket(url, 'graphql-transport-ws');
    socket = ws;
    let acknowledged = false;
    const send = (message) => ws.send(JSON.stringify(message));
    ws.onopen = () => send({ type: 'connection_init', payload: { authorization } });
    ws.onmessage = (event) => {
      if (socket !== ws) return;
      const message = JSON.parse(event.data);
      switch (message.type) {
        case 'connection_ack':
          acknowledged = true;
          send({ id: 'esiti', type: 'subscribe', payload: { query: SUBSCRIPTION } });
          void loadToday(ws);
          break;
        case 'ping':
          send({ type: 'pong' });
          break;
        case 'next':
          if (message.payload.data) received(message.payload.data.ricevutaRegistrata, true);
          else if (refused(message.payload.errors)) showLogin(REFUSED[4403]);
          else setStatus(`Errore: ${describe(message.payload.errors)}`);
          break;
        case 'error':
          setStatus(`Errore: ${describe(message.payload)}`);
          break;
        case 'complete':
          // The hub ended the subscription: start again, as after a lost connection.
          ws.close(1000, 'complete');
          break;
      }
    };
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      const refused = REFUSED[event.code];
      if (refused) return showLogin(refused);
      if (!acknowledged && ui.cruscotto.hidden) return showLogin(`Connessione al servizio non riuscita (${event.code}).`);
      // Events published while disconnected are not replayed: the numbers are read again on reconnection.
      setStatus('Riconnessione…');
      reconnectTimer = setTimeout(connect, RECONNECT_MS);
    };
  }

  const describe = (errors) => (errors || []).map((e) => e.message).join('; ');
  /** GovPay's 403 in the graph's error extensions: the operatore lacks the Pagamenti right. */
  const refused = (errors) => (errors || []).some((e) => e.extensions && e.extensions.status === 403);

  /** POST /graphql as the operatore; the errors of the graph or of the login as one message. */
  async function graph(query, variables) {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json().catch(() => ({}));
    if (res.status === 401) throw new Error(REFUSED[4401]);
    if (refused(body.errors)) throw new Error(REFUSED[4403]);
    if (body.errors) throw new Error(describe(body.errors));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return body.data;
  }

  /** Today's receipts so far (page by page), then the live ones on top: each receipt counted once. */
  async function loadToday(ws) {
    const now = new Date();
    // Live receipts arriving while the day is read wait in `pending`, so that rows stay newest first.
    day = { name: romeDay(now), seen: new Set(), esiti: new Map(), ore: new Array(24).fill(0), pending: [] };
    ui.righe.textContent = '';
    const current = day;
    try {
      let after = null;
      const rows = [];
      for (let page = 0; page < MAX_PAGES; page++) {
        const data = await graph(TODAY, { da: romeMidnight(now).toISOString(), after });
        rows.push(...data.rpps.nodes);
        if (!data.rpps.pageInfo.hasNextPage) break;
        after = data.rpps.pageInfo.endCursor;
      }
      if (socket !== ws || day !== current) return;
      // Oldest first, so that the newest ends on top as live rows do.
      const pending = current.pending;
      current.pending = null;
      for (const r of rows.reverse()) received(r, false);
      for (const r of pending) received(r, true);
    } catch (e) {
      if (socket === ws) showLogin(e.message);
      return;
    }
    ui.form.hidden = true;
    ui.cruscotto.hidden = false;
    ui.esci.hidden = false;
    setStatus('In diretta', true);
    render();
  }

  function received(r, live) {
    if (!day) return;
    if (live && day.pending) return void day.pending.push(r);
    const at = new Date(r.dataRicevuta);
    if (romeDay(at) !== day.name) {
      // A new day began: its numbers start from the graph again.
      if (live && romeDay(at) > day.name && socket) void loadToday(socket);
      return;
    }
    const key = `${r.idDominio}/${r.iuv}/${r.ccp}`;
    if (day.seen.has(key)) return;
    day.seen.add(key);
    const esito = day.esiti.get(r.esito) || { pagamenti: 0, cents: 0 };
    esito.pagamenti += 1;
    esito.cents += toCents(r.importo);
    day.esiti.set(r.esito, esito);
    day.ore[Number(rome(at).hour)] += 1;
    addRow(r, at, live);
    if (live) render();
  }

  function cell(row, text, className) {
    const td = row.insertCell();
    td.textContent = text;
    if (className) td.className = className;
    return td;
  }

  function addRow(r, at, live) {
    const row = ui.righe.insertRow(0);
    row.dataset.iuv = r.iuv;
    if (live) row.className = 'nuovo';
    const p = rome(at);
    cell(row, `${p.hour}:${p.minute}:${p.second}`);
    cell(row, r.esito, r.esito);
    cell(row, euro(toCents(r.importo)), 'num');
    cell(row, r.ragioneSocialePsp ? `${r.ragioneSocialePsp} (${r.idPsp})` : r.idPsp);
    cell(row, r.dominio && r.dominio.ragioneSociale ? `${r.dominio.ragioneSociale} (${r.idDominio})` : r.idDominio);
    const iuv = document.createElement('code');
    iuv.textContent = r.iuv;
    row.insertCell().append(iuv);
    while (ui.righe.rows.length > MAX_ROWS) ui.righe.deleteRow(-1);
  }

  function render() {
    ui.giorno.textContent = day.name.split('-').reverse().join('/');
    ui.esiti.textContent = '';
    let pagamenti = 0;
    let cents = 0;
    for (const [esito, n] of [...day.esiti].sort(([a], [b]) => a.localeCompare(b))) {
      const row = ui.esiti.insertRow();
      row.dataset.esito = esito;
      cell(row, esito, esito);
      cell(row, String(n.pagamenti));
      cell(row, euro(n.cents));
      pagamenti += n.pagamenti;
      cents += n.cents;
    }
    ui.totalePagamenti.textContent = String(pagamenti);
    ui.totaleImporto.textContent = euro(cents);
    drawChart(day.ore);
  }

  /** 24 bars, one per hour of Rome's day, scaled to the busiest. */
  function drawChart(ore) {
    const svg = ui.grafico;
    const ns = 'http://www.w3.org/2000/svg';
    const element = (name, attributes, text, parent = svg) => {
      const e = document.createElementNS(ns, name);
      for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
      if (text !== undefined) e.textContent = text;
      parent.append(e);
      return e;
    };
    svg.textContent = '';
    const max = Math.max(1, ...ore);
    const [width, height, bottom] = [20, 120, 135];
    ore.forEach((n, hour) => {
      const h = Math.round((n / max) * height);
      const bar = element('rect', { x: hour * width + 2, y: bottom - h, width: width - 4, height: h });
      bar.dataset.ora = String(hour);
      bar.dataset.pagamenti = String(n);
      element('title', {}, `${String(hour).padStart(2, '0')}:00 — ${n} pagamenti`, bar);
      if (hour % 3 === 0) element('text', { x: hour * width + 2, y: 148 }, String(hour).padStart(2, '0'));
    });
    element('text', { x: 2, y: 10 }, `max ${max}`);
  }
})();
