/** pagoPA Checkout: the client that opens a portal's cart, and the route its return URLs reach. */
export { CheckoutClient, type CheckoutClientOptions } from './client';
export { pagamentiHost } from './host';
export { returnRouter, RITORNO_PATH, type ReturnRouteOptions } from './return-route';
