/**
 * Characters outside XML 1.0's `Char` production: C0 controls other than tab and the newlines,
 * lone surrogates, U+FFFE and U+FFFF. No pagoPA message can carry them, and a NUL breaks the
 * database's driver: every edge refuses them in what it receives.
 */
export const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
