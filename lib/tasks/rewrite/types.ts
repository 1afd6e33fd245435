/** The rewrite styles and what each one asks the model to do. */

export const REWRITE_STYLES = ['proofread', 'formal', 'friendly', 'shorter', 'longer', 'simpler', 'custom'] as const;

export type RewriteStyle = (typeof REWRITE_STYLES)[number];

/** One proofreading change: the words before and after, and why, when the model gave a reason for it. */
export interface ProofreadChange {
  from: string;
  to: string;
  reason?: string;
}
