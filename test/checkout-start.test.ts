import type { ChildProcess } from 'node:child_process';
import { pressButton, postCart, RETURN_URLS } from './helpers/checkout';
import { BUILD_TIMEOUT_MS, ensureBuilt } from './helpers/build';
import { startCompiledHub } from './helpers/compiled-hub';
import { nuovaPendenza } from './helpers/fixtures';
import { basic, call, IDA2A01 } from './helpers/http';
import { until } from './helpers/until';

/**
 * `npm start` serves pagoPA Checkout on the simulator: the compiled hub as a user runs it says
 * where Checkout's API is, logs each cart's page, and the page pays the hub's pendenza.
 */
let child: ChildProcess | undefined;
afterEach(() => child?.kill('SIGKILL'));

describe('npm start serves Checkout on the simulator', () => {
  beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);

  it('logs the Checkout API at start and the page of each cart, which pays the pendenza', async () => {
    const logs: string[] = [];
    const hub = await startCompiledHub({}, (chunk) => logs.push(chunk));
    child = hub.child;
    const lines = () =>
      logs
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { msg: string; checkoutUrl?: string });
    const ready = await until('the simulator', () => lines().find((l) => l.msg.startsWith('pagoPA simulator ready')));
    expect(ready.checkoutUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/checkout\/ec\/v1$/);

    const base = `http://127.0.0.1:${hub.port}`;
    const put = await call(base, 'PUT', '/govpay/backend/api/pendenze/rs/basic/v2/pendenze/IDA2A01/CHK-START', {
      auth: basic(IDA2A01),
      body: nuovaPendenza('CHK-START'),
    });
    expect(put.status).toBe(201);

    const simulator = ready.checkoutUrl!.replace(/\/checkout\/ec\/v1$/, '');
    const cart = await postCart(simulator, {
      paymentNotices: [
        {
          noticeNumber: put.body.numeroAvviso,
          fiscalCode: '12345678901',
          amount: 10099,
          companyName: 'Ente Creditore Test',
          description: 'Diritti',
        },
      ],
      returnUrls: RETURN_URLS,
    });
    expect(cart.status).toBe(302);
    await until('the log of the cart page', () => lines().find((l) => l.msg === `Checkout cart opened: ${cart.location}`));

    const paga = await pressButton(cart.location!, { psp: 'SIMPSP01', azione: 'paga' });
    expect({ status: paga.status, location: paga.location }).toEqual({ status: 303, location: RETURN_URLS.returnOkUrl });
    const pendenza = await call(base, 'GET', '/govpay/backend/api/pendenze/rs/basic/v2/pendenze/IDA2A01/CHK-START', {
      auth: basic(IDA2A01),
    });
    expect(pendenza.body.stato).toBe('ESEGUITA');
  }, 60_000);
});
