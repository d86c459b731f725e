/**
 * The YAML tree glossary validation reads: the nodes of the `yaml` package reduced to what a
 * glossary can hold (scalars, lists, mappings), each with its range, so that validation reads one
 * shape whether the whole file was parsed or each entry alone (see `glossaryEntries.ts`).
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';

/** Offsets of a node: where it starts, where its value ends, where the node ends (comments and line break included). */
export type YamlRange = [number, number, number];

/** A YAML node as glossary validation reads it, whichever reader produced it. */
export type YamlNode =
  | { kind: 'scalar'; value: unknown; range: YamlRange }
  | { kind: 'list'; items: YamlNode[]; range: YamlRange }
  | { kind: 'map'; pairs: YamlPair[]; range: YamlRange }
  /** Anything else `yaml` can produce (an alias, say): never valid in a glossary. */
  | { kind: 'other'; range: YamlRange };

/** One `key: value` of a mapping; keys that are not scalars read as ''. */
export interface YamlPair {
  key: string;
  keyRange: YamlRange;
  value: YamlNode;
}

/** Converts a node of the `yaml` package (the reference parser) to a {@link YamlNode}. */
export function fromYaml(node: Node | null | undefined, fallback: number): YamlNode {
  const range: YamlRange = node?.range ? [node.range[0], node.range[1], node.range[2]] : [fallback, fallback, fallback];
  if (!node) return { kind: 'scalar', value: null, range };
  if (isScalar(node)) return { kind: 'scalar', value: node.value, range };
  if (isSeq(node)) return { kind: 'list', items: (node.items as Node[]).map((n) => fromYaml(n, range[0])), range };
  if (isMap(node)) {
    return {
      kind: 'map',
      pairs: node.items.map((p) => {
        const key = p.key as Node | null;
        const keyRange: YamlRange = key?.range ? [key.range[0], key.range[1], key.range[2]] : range;
        return { key: isScalar(key) ? String(key.value) : '', keyRange, value: fromYaml(p.value as Node | null, keyRange[1]) };
      }),
      range,
    };
  }
  return { kind: 'other', range };
}

/** The value of `key` in a map node, if present. */
export function getValue(map: YamlNode & { kind: 'map' }, key: string): YamlNode | undefined {
  for (const p of map.pairs) if (p.key === key) return p.value;
  return undefined;
}
