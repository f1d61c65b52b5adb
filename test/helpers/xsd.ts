import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../core/project-root';

/** The simulator tests' own cut-down response schema, always at hand. */
export const TEST_XSD = join(projectRoot(), 'test', 'fixtures', 'paForNode-responses.xsd');

/** The station's own paForNode.xsd (pagopa/wsdl), which the simulator validates against by default. */
export const STATION_XSD = join(projectRoot(), 'pagopa', 'wsdl', 'paForNode.xsd');

/** The read-only reference material (../shared/reference, or $GOVPAY_REFERENCE_DIR); `npm test` must not need it. */
export const REFERENCE_DIR = process.env.GOVPAY_REFERENCE_DIR ?? join(projectRoot(), '..', 'shared', 'reference');

/** pagoPA's paForNode.xsd, when the reference material is there. */
const officialPath = join(REFERENCE_DIR, 'pagopa', 'wsdl', 'xsd', 'paForNode.xsd');
export const OFFICIAL_XSD = existsSync(officialPath) ? officialPath : undefined;

/** Why the tests against pagoPA's own XSD are skipped when it is absent (`npm test` must not need it). */
export const NO_OFFICIAL_XSD = `pagoPA's paForNode.xsd is not in ../shared/reference nor $GOVPAY_REFERENCE_DIR`;
