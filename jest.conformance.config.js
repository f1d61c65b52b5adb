/**
 * The conformance suite (npm run test:conformance): every Backoffice, API Pendenze v2 and API Pagamento v2 reply —
 * those recorded by `npm test` in .test-output/responses and those of the suite's own sweeps — is
 * validated against GovPay's OpenAPI in ../shared/reference (or $GOVPAY_REFERENCE_DIR).
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/conformance'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  setupFiles: ['reflect-metadata'],
  testTimeout: 120000,
  maxWorkers: 1,
};
