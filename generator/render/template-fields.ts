const BUILT_IN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log'];

/**
 * The top-level fields a template reads, from its syntax tree: the first part of every path that
 * is not the name of a helper it calls (`sources.length` reads `sources`; `this` and `@index` none).
 * Paths inside an `#each` name the item's fields too, so the list can only be too long, which
 * costs a cache hit, never a wrong one. Undefined when the template reads outside its context: a
 * partial (what it reads is not in this tree), `../` or `@root`.
 */
export function fieldsRead(program: hbs.AST.Program, helperNames: readonly string[]): string[] | undefined {
  const helpers = new Set([...BUILT_IN_HELPERS, ...helperNames]);
  const fields = new Set<string>();
  let outside = false;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const { type } = node as { type?: unknown };
    if (type === 'PartialStatement' || type === 'PartialBlockStatement' || type === 'DecoratorBlock' || type === 'Decorator') outside = true;
    if (type === 'PathExpression') {
      const path = node as hbs.AST.PathExpression;
      const first = path.parts[0];
      // `../x` and `@root.x` read the caller's context, which the view does not hold.
      if (path.depth > 0 || (path.data && first === 'root')) outside = true;
      else if (!path.data && first !== undefined) fields.add(first);
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      // A call's name is a helper, not a field: `(sources sources)` reads the field once.
      if (key === 'loc' || (key === 'path' && helperCall(value))) continue;
      visit(value);
    }
  };
  const helperCall = (path: unknown) => {
    const parts = (path as Partial<hbs.AST.PathExpression>).parts;
    return (path as { type?: unknown }).type === 'PathExpression' && parts?.length === 1 && helpers.has(parts[0] as string);
  };
  visit(program);
  return outside ? undefined : [...fields].sort();
}
