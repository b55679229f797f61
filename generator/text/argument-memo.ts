/** What a memoised function may take: objects (kept by identity) and primitives (by value). */
export type MemoKey = object | string | number | boolean | null | undefined;

const NONE = Symbol('none');

/**
 * A trie over the arguments; a node's children are kept weakly where the argument is an object.
 * Each node remembers the child it gave last: calls in a build come in runs that share their
 * leading arguments (the content, a service, a series), and a hit is then one comparison, not a
 * map look-up. (It holds that one argument until the next call through the node.)
 */
class Node<T> {
  private objects?: WeakMap<object, Node<T>>;
  private values?: Map<MemoKey, Node<T>>;
  private lastKey: MemoKey | typeof NONE = NONE;
  private lastChild?: Node<T>;
  done = false;
  result?: T;

  child(arg: MemoKey): Node<T> {
    if (arg === this.lastKey) return this.lastChild as Node<T>;
    let node: Node<T>;
    if (typeof arg === 'object' && arg !== null) {
      if (!this.objects) this.objects = new WeakMap();
      node = childIn(this.objects, arg);
    } else {
      if (!this.values) this.values = new Map();
      node = childIn(this.values, arg);
    }
    this.lastKey = arg;
    this.lastChild = node;
    return node;
  }
}

function childIn<K, T>(map: { get(key: K): Node<T> | undefined; set(key: K, node: Node<T>): unknown }, key: K): Node<T> {
  let node = map.get(key);
  if (!node) {
    node = new Node<T>();
    map.set(key, node);
  }
  return node;
}

/**
 * `fn` memoised by its arguments: objects by identity, held weakly (a reloaded content starts
 * afresh), primitives by value; no key is built, so a hit costs a few map look-ups. The arguments
 * must be all the result depends on, and an object argument must not change (content objects,
 * shared steps and their arrays are frozen or never written). Bounded like every cache here:
 * past `limit` results it starts over, as a long-lived process meets new text for as long as it runs.
 */
export function byArguments<A extends MemoKey[], T>(fn: (...args: A) => T, limit = 200_000): (...args: A) => T {
  let root = new Node<T>();
  let size = 0;
  return (...args: A): T => {
    let node = root;
    for (const arg of args) node = node.child(arg);
    if (!node.done) {
      if (++size > limit) {
        root = new Node<T>();
        size = 1;
        node = root;
        for (const arg of args) node = node.child(arg);
      }
      node.result = fn(...args);
      node.done = true;
    }
    return node.result as T;
  };
}
