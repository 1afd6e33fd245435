/** Rewrite styles, proofreading changes and the words (i18n keys) each style is offered under: shared types. */

export const REWRITE_STYLES = ['proofread', 'formal', 'friendly', 'shorter', 'longer', 'simpler', 'custom'] as const;

export type RewriteStyle = (typeof REWRITE_STYLES)[number];

/** One proofreading change: the words before and after, and why, when the model gave a reason for it. */
export interface ProofreadChange {
  from: string;
  to: string;
  reason?: string;
}

/** i18n message keys for the menu titles; English text in the comment of MENU_ITEMS' entries. */
export type MenuTitleKey =
  | 'menuRewrite'
  | 'menuRewriteProofread'
  | 'menuRewriteFormal'
  | 'menuRewriteFriendly'
  | 'menuRewriteShorter'
  | 'menuRewriteLonger'
  | 'menuRewriteSimpler'
  | 'menuRewriteCustom'
  | 'menuSummarizeSelection'
  | 'menuDraftReply';

export const REWRITE_MENU_TITLE_KEYS: Readonly<Record<RewriteStyle, MenuTitleKey>> = {
  proofread: 'menuRewriteProofread', // "Proofread"
  formal: 'menuRewriteFormal', // "More formal"
  friendly: 'menuRewriteFriendly', // "More friendly"
  shorter: 'menuRewriteShorter', // "Shorter"
  longer: 'menuRewriteLonger', // "Longer"
  simpler: 'menuRewriteSimpler', // "Simpler"
  custom: 'menuRewriteCustom', // "Custom instruction…"
};
