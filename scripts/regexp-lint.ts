import { checkSync } from 'recheck';
import ts from 'typescript';

/**
 * Every regular expression in the code, checked with recheck: a literal (`/…/flags`) or a
 * `RegExp(…)`/`new RegExp(…)` whose source is a constant must not backtrack super-linearly. A
 * source that is not a constant may only be another checked pattern's `.source`; patterns from
 * data are built in core/safe-regexp.ts alone, which checks them when they are saved.
 */
export const DATA_PATTERNS_MODULE = 'core/safe-regexp.ts';

export interface PatternProblem {
  line: number;
  problem: string;
}

export function regExpProblems(file: string, text: string): PatternProblem[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const problems: PatternProblem[] = [];
  const report = (node: ts.Node, problem: string) =>
    problems.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, problem });
  const check = (node: ts.Node, pattern: string, flags: string) => {
    const verdict = checkSync(pattern, flags, { timeout: 10_000 });
    if (verdict.status === 'vulnerable') report(node, `pattern /${pattern}/${flags} backtracks (${verdict.complexity.type}), e.g. on ${JSON.stringify(verdict.attack.string.slice(0, 60))}`);
    else if (verdict.status !== 'safe') report(node, `pattern /${pattern}/${flags} could not be checked (${verdict.status})`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const end = node.text.lastIndexOf('/');
      check(node, node.text.slice(1, end), node.text.slice(end + 1));
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const [pattern, flags] = node.arguments ?? [];
      const constantFlags = flags === undefined ? '' : ts.isStringLiteralLike(flags) ? flags.text : undefined;
      if (pattern && ts.isStringLiteralLike(pattern) && constantFlags !== undefined) check(node, pattern.text, constantFlags);
      else if (pattern && ts.isPropertyAccessExpression(pattern) && pattern.name.text === 'source') {
        // Another pattern's source, checked where that pattern is written.
      } else if (file !== DATA_PATTERNS_MODULE) {
        report(node, `a RegExp built from a value that is not a constant: build patterns from data in ${DATA_PATTERNS_MODULE}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}
