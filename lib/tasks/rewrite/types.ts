/** The rewrite styles and what each one asks the model to do. */

export const REWRITE_STYLES = ['proofread', 'formal', 'friendly', 'shorter', 'longer', 'simpler', 'custom'] as const;

export type RewriteStyle = (typeof REWRITE_STYLES)[number];

export interface ProofreadChange {
  from: string;
  to: string;
  reason: string;
}
