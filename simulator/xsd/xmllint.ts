import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Validates a document against paForNode.xsd with libxml2's xmllint. A missing schema or a
 * missing xmllint is a limit of this installation, not a fault of the station: the verdict is
 * then `skipped`, with the reason, and never `invalid`.
 */
export interface XsdVerdict {
  verdict: 'valid' | 'invalid' | 'skipped';
  messages: string[];
}

/** xmllint's exit codes: 3 = the document breaks the schema, 1 = it could not be parsed. */
const INVALID_EXIT_CODES = new Set([1, 3]);
const VALIDATION_TIMEOUT_MS = 10_000;

export class XsdValidator {
  constructor(
    readonly xsdPath: string,
    private readonly xmllintPath: string = 'xmllint',
  ) {}

  validate(xml: string): Promise<XsdVerdict> {
    // Checked on every call: the project's schema may be put in place while the simulator runs.
    if (!existsSync(this.xsdPath)) return Promise.resolve(skipped(`XSD not found: ${this.xsdPath}`));
    return new Promise((resolve) => {
      // --nonet: the schema's imports resolve on disk, never over the network. The document is
      // read from stdin ("-"), so nothing is written to disk.
      const child = spawn(this.xmllintPath, ['--noout', '--nonet', '--schema', this.xsdPath, '-'], { stdio: ['pipe', 'ignore', 'pipe'] });
      // spawn's own `timeout` leaves its timer running when the program does not exist.
      const deadline = setTimeout(() => child.kill('SIGKILL'), VALIDATION_TIMEOUT_MS);
      const done = (verdict: XsdVerdict) => {
        clearTimeout(deadline);
        resolve(verdict);
      };
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', (e: NodeJS.ErrnoException) =>
        done(
          skipped(e.code === 'ENOENT' ? `xmllint not found (${this.xmllintPath}): install libxml2-utils` : `xmllint failed: ${e.message}`),
        ),
      );
      child.on('close', (code, signal) => {
        const messages = stderr
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l && l !== '- validates' && l !== '- fails to validate')
          // "-" is stdin: name the line instead.
          .map((l) => l.replace(/^-:(\d+): /, 'line $1: '));
        if (code === 0) done({ verdict: 'valid', messages: [] });
        else if (code !== null && INVALID_EXIT_CODES.has(code)) done({ verdict: 'invalid', messages });
        else done(skipped(`xmllint could not validate (${signal ?? `exit ${code}`}): ${messages.join(' ') || 'no message'}`));
      });
      // A child that exits early (bad schema) closes stdin: that is reported by 'close', not here.
      child.stdin.on('error', () => undefined);
      child.stdin.end(xml, 'utf8');
    });
  }
}

function skipped(reason: string): XsdVerdict {
  return { verdict: 'skipped', messages: [reason] };
}
