/**
 * Applies a `MarkdownStream`'s patches to a container: each finished block's nodes are kept by key and left alone,
 * only the open tail's nodes are replaced. The container ends up with the same children as one-shot rendering
 * into its innerHTML, with no wrapper around the blocks.
 */
import type { StreamPatch } from './markdown-stream';

export class RenderedBlocks {
  private readonly blocks = new Map<number, ChildNode[]>();
  private open: ChildNode[] = [];

  private readonly inert: Document;

  constructor(private readonly container: HTMLElement) {
    this.inert = container.ownerDocument.implementation.createHTMLDocument('');
  }

  apply(patch: StreamPatch): void {
    if (patch.reset) this.clear();
    for (const { key, html } of patch.changed) {
      const nodes = this.blocks.get(key);
      if (nodes)
        this.blocks.set(
          key,
          this.replace(nodes, html, () => this.firstNodeAfter(key)),
        );
    }
    const end = this.open[0] ?? null;
    for (const { key, html } of patch.added) this.blocks.set(key, this.insert(html, end));
    if (patch.open !== null) this.open = this.replace(this.open, patch.open, () => null);
  }

  clear(): void {
    this.container.replaceChildren();
    this.blocks.clear();
    this.open = [];
  }

  /** Parsed in a document of its own, which is inert (nothing in it loads or runs), then moved into place. */
  private insert(html: string, before: ChildNode | null): ChildNode[] {
    this.inert.body.innerHTML = html;
    const nodes = [...this.inert.body.childNodes];
    for (const node of nodes) this.container.insertBefore(node, before);
    return nodes;
  }

  /** `where` says where a block that had no nodes goes. */
  private replace(nodes: ChildNode[], html: string, where: () => ChildNode | null): ChildNode[] {
    const before = nodes.length > 0 ? nodes.at(-1)!.nextSibling : where();
    nodes.forEach((node) => node.remove());
    return this.insert(html, before);
  }

  private firstNodeAfter(key: number): ChildNode | null {
    for (const [other, nodes] of this.blocks) if (other > key && nodes.length > 0) return nodes[0]!;
    return this.open[0] ?? null;
  }
}
