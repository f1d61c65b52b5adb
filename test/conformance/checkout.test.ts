import { CART_SCHEMAS } from '../helpers/checkout-double';
import { CART_REQUEST, CHECKOUT_SPEC_FILE, checkoutSpec, NO_CHECKOUT_SPEC } from '../helpers/checkout-spec';
import { loadRecordings, RECORD_DIR_SHOWN } from './report';

/**
 * Conformance of the carts the hub opens at pagoPA Checkout: every `POST /carts` body the Checkout
 * double of `npm test` received (checkout-*.jsonl, from every cart form and refusal the tests
 * tried) is validated against pagoPA's own checkout_v1.json, not the copy `npm test` checks with;
 * and that copy is shown to be the spec's.
 */
describe("carts the hub opened at Checkout: conformance to pagoPA's checkout_v1.json", () => {
  if (!CHECKOUT_SPEC_FILE) {
    it("finds pagoPA's checkout_v1.json (../shared/reference or $GOVPAY_REFERENCE_DIR)", () => {
      throw new Error(NO_CHECKOUT_SPEC);
    });
    return;
  }
  const spec = checkoutSpec();
  const { replies, files } = loadRecordings('checkout');

  it(`finds the carts npm test sent (checkout-*.jsonl in ${RECORD_DIR_SHOWN}; run npm test first)`, () => {
    expect(files.length).toBeGreaterThan(0);
    // Carts of one and of several notices, with and without the optional fields.
    expect(new Set(replies.map((r) => (r.body as { paymentNotices: unknown[] }).paymentNotices.length)).size).toBeGreaterThan(1);
  });

  it('every cart is a valid CartRequest', () => {
    const problems = replies.flatMap((r) => spec.validate(CART_REQUEST, r.body).map((p) => `${r.source}: ${p}`));
    expect(problems).toEqual([]);
  });

  it("the copy of CartRequest and PaymentNotice that npm test checks with is the spec's", () => {
    const schemas = (spec.doc.components as { schemas: Record<string, unknown> }).schemas;
    expect(CART_SCHEMAS.CartRequest).toEqual(schemas.CartRequest);
    expect(CART_SCHEMAS.PaymentNotice).toEqual(schemas.PaymentNotice);
  });
});
