/**
 * Applies a `MarkdownStream`'s patches to a container: each finished block's nodes are kept by key and left alone,
 * only the open tail's nodes are replaced. The container ends up with the same children as one-shot rendering
 * into its innerHTML, with no wrapper around the blocks.
 */
import type { StreamPatch } from './markdown-stream';

export class RenderedBlocks {
  private readonly blocks = new Map<number, ChildNode[]>();
  private open: ChildNode[] = [];

  constructor(private readonly container: HTMLElement) {}

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

  /** Parsed in an inert template (nothing in it loads or runs), then moved into place. */
  private insert(html: string, before: ChildNode | null): ChildNode[] {
    const template = this.container.ownerDocument.createElement('template');
    template.innerHTML = html;
    const nodes = [...template.content.childNodes];
    this.container.insertBefore(template.content, before);
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
