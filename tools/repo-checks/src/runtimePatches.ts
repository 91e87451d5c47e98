/**
 * Finds code that changes a library at run time instead of through patches/ (pnpm's patch files,
 * which fail loudly when the library's version changes) or a wrapper of our own:
 *
 * - an assignment to, or a `delete` of, a member of a prototype (`X.prototype.m`,
 *   `Object.getPrototypeOf(x).m`, or a variable holding one);
 * - the same on a value from a third-party module: an imported binding (any module that is not
 *   ours: not relative, not `@nianbao/…`; `node:` built-ins included), a dynamically imported
 *   module, or a variable derived from one (`const font = Font.getFont(f).data`);
 * - a method swapped for a function after its original was kept (`const original = x.m;
 *   x.m = function …`), the shape of every run-time patch whatever `x` is;
 * - `Object.defineProperty`, `Object.assign`, `Reflect.set` … on any of these.
 *
 * A syntactic check, file by file: a library object reaching us as a plain parameter is only
 * caught by the third rule. It errs on the side of reporting; a finding is fixed, not excused.
 */
import ts from 'typescript';

export interface Finding {
  line: number;
  text: string;
  why: string;
}

const ASSIGNMENTS = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
]);

const MUTATORS = new Set([
  'Object.defineProperty',
  'Object.defineProperties',
  'Object.assign',
  'Object.setPrototypeOf',
  'Reflect.set',
  'Reflect.defineProperty',
  'Reflect.deleteProperty',
  'Reflect.setPrototypeOf',
]);

const PROTOTYPE_GETTERS = new Set(['Object.getPrototypeOf', 'Reflect.getPrototypeOf']);

const ours = (specifier: string) => specifier.startsWith('.') || specifier.startsWith('@nianbao/');

/** The expression without parentheses, type assertions, `!` and `await`. */
function bare(node: ts.Expression): ts.Expression {
  let e = node;
  while (
    ts.isParenthesizedExpression(e) ||
    ts.isAsExpression(e) ||
    ts.isTypeAssertionExpression(e) ||
    ts.isNonNullExpression(e) ||
    ts.isSatisfiesExpression(e) ||
    ts.isAwaitExpression(e)
  )
    e = e.expression;
  return e;
}

const nameOf = (node: ts.Expression): string | undefined => {
  const e = bare(node);
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) {
    const object = nameOf(e.expression);
    return object && `${object}.${e.name.text}`;
  }
  return undefined;
};

export function findRuntimePatches(source: string, fileName: string): Finding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  /** Names bound to third-party values, and names bound to prototypes. */
  const thirdParty = new Set<string>();
  const prototypes = new Set<string>();
  /** `x.m` texts whose value was kept in a variable. */
  const kept = new Set<string>();
  const findings: Finding[] = [];

  const isPrototype = (node: ts.Expression): boolean => {
    const e = bare(node);
    if (ts.isIdentifier(e)) return prototypes.has(e.text);
    if (ts.isPropertyAccessExpression(e))
      return e.name.text === 'prototype' || e.name.text === '__proto__' || isPrototype(e.expression);
    if (ts.isElementAccessExpression(e)) return isPrototype(e.expression);
    if (ts.isCallExpression(e)) return PROTOTYPE_GETTERS.has(nameOf(e.expression) ?? '');
    return false;
  };

  /**
   * Whether the value belongs to a third-party module: its chain starts at one. What a library
   * function returns is ours (`const server = createServer()`); a member of it is the library's
   * (`Font.getFont(face).data`).
   */
  const isThirdParty = (node: ts.Expression, member = false): boolean => {
    const e = bare(node);
    if (ts.isIdentifier(e)) return thirdParty.has(e.text);
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e))
      return isThirdParty(e.expression, true);
    if (ts.isCallExpression(e)) {
      const specifier = e.arguments[0];
      if (e.expression.kind === ts.SyntaxKind.ImportKeyword)
        return !(specifier && ts.isStringLiteralLike(specifier) && ours(specifier.text));
      if (nameOf(e.expression) === 'require')
        return specifier !== undefined && ts.isStringLiteralLike(specifier) && !ours(specifier.text);
      return member && isThirdParty(e.expression);
    }
    return false;
  };

  const bindNames = (name: ts.BindingName, into: Set<string>) => {
    if (ts.isIdentifier(name)) into.add(name.text);
    else
      for (const element of name.elements)
        if (!ts.isOmittedExpression(element)) bindNames(element.name, into);
  };

  const report = (node: ts.Node, why: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    findings.push({ line: line + 1, text: node.getText(file).split('\n')[0]!, why });
  };

  /** Why changing a member of `target` is a run-time patch, if it is. */
  const patchedObject = (target: ts.Expression): string | undefined => {
    if (isPrototype(target)) return 'changes a prototype';
    if (isThirdParty(target)) return 'changes an object of a third-party module';
    return undefined;
  };

  const isFunction = (node: ts.Expression) => {
    const e = bare(node);
    return ts.isFunctionExpression(e) || ts.isArrowFunction(e);
  };

  const visit = (node: ts.Node): void => {
    if (
      ts.isImportDeclaration(node) &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      !ours(node.moduleSpecifier.text)
    ) {
      const clause = node.importClause;
      if (clause && !clause.isTypeOnly) {
        if (clause.name) thirdParty.add(clause.name.text);
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) thirdParty.add(bindings.name.text);
        if (bindings && ts.isNamedImports(bindings))
          for (const element of bindings.elements) if (!element.isTypeOnly) thirdParty.add(element.name.text);
      }
    }
    if (ts.isVariableDeclaration(node) && node.initializer) {
      if (isPrototype(node.initializer)) bindNames(node.name, prototypes);
      else if (isThirdParty(node.initializer)) bindNames(node.name, thirdParty);
      const read = bare(node.initializer);
      if (ts.isPropertyAccessExpression(read) || ts.isElementAccessExpression(read))
        kept.add(read.getText(file));
    }
    if (ts.isBinaryExpression(node) && ASSIGNMENTS.has(node.operatorToken.kind)) {
      const target = bare(node.left);
      if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
        const why = patchedObject(target.expression);
        if (why) report(node, why);
        else if (isFunction(node.right) && kept.has(target.getText(file)))
          report(node, 'replaces a method whose original it kept');
      }
    }
    if (ts.isDeleteExpression(node)) {
      const target = bare(node.expression);
      if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
        const why = patchedObject(target.expression);
        if (why) report(node, why);
      }
    }
    if (ts.isCallExpression(node) && MUTATORS.has(nameOf(node.expression) ?? '') && node.arguments[0]) {
      const why = patchedObject(node.arguments[0]);
      if (why) report(node, why);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}
