import { DATA_PATTERNS_MODULE, regExpProblems } from '../scripts/regexp-lint';

/** The lint's check of every regular expression in the code (scripts/regexp-lint.ts). */
describe('regexp lint', () => {
  it('finds the patterns that froze the hub, as literals and as RegExp sources', () => {
    const code = [
      "const email = /^[A-Za-z0-9_]+@[A-Za-z0-9_]+([-.][A-Za-z0-9_]+)*\\.[A-Za-z0-9_]+([-.][A-Za-z0-9_]+)*$/;",
      "const prefix = new RegExp('^(\\\\d*(%\\\\([yYatp]\\\\))?)+$');",
      "const ok = /^[0-9]{11}$/;",
    ].join('\n');
    const problems = regExpProblems('subgraphs/x.ts', code);
    expect(problems.map((p) => p.line)).toEqual([1, 2]);
    expect(problems[0].problem).toMatch(/polynomial/);
    expect(problems[1].problem).toMatch(/exponential/);
  });

  it('refuses a RegExp built from data outside the module that checks such patterns', () => {
    const code = 'export const f = (s: string) => new RegExp(`^(?:${s})$`);\nconst g = new RegExp(/a/.source, "g");';
    expect(regExpProblems('subgraphs/x.ts', code)).toEqual([{ line: 1, problem: expect.stringContaining(DATA_PATTERNS_MODULE) }]);
    expect(regExpProblems(DATA_PATTERNS_MODULE, code)).toEqual([]);
  });
});
