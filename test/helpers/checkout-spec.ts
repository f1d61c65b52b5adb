import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GovPaySpec, referenceDir, type ApiProfile } from '../conformance/openapi';

/**
 * pagoPA Checkout's EC API (checkout_v1.json), checked with the conformance suite's OpenAPI
 * tooling: request bodies against CartRequest, replies against the operation's responses.
 */
const file = join(referenceDir(), 'pagopa', 'openapi', 'checkout_v1.json');

/** The spec, when ../shared/reference (or $GOVPAY_REFERENCE_DIR) is there. */
export const CHECKOUT_SPEC_FILE = existsSync(file) ? file : undefined;

/** Why the checks against the spec are skipped when it is absent (`npm test` must not need it). */
export const NO_CHECKOUT_SPEC = `pagoPA's checkout_v1.json is not in ../shared/reference nor $GOVPAY_REFERENCE_DIR`;

const CHECKOUT: ApiProfile = {
  name: 'checkout',
  file: 'checkout_v1.json',
  // The spec's server is https://api.platform.pagopa.it/checkout/ec/v1: its paths follow that base.
  prefix: /^\/checkout\/ec\/v1(\/[^?#]*)?(?:[?#].*)?$/,
  faultBean: 'ProblemJson',
  httpLimitErrors: [],
  aliasStatus: () => undefined,
};

export const CART_REQUEST = '#/components/schemas/CartRequest';

export function checkoutSpec(): GovPaySpec {
  if (!CHECKOUT_SPEC_FILE) throw new Error(NO_CHECKOUT_SPEC);
  return new GovPaySpec(CHECKOUT, CHECKOUT_SPEC_FILE);
}
