/** Counts a text's tokens the way task plans should: our estimate plus room for the model's own tokenizer. */
import { estimateTokens } from '../../core/token-estimate';

/** Our estimate is by characters; model tokenizers can count up to a fifth more, so plans leave that room. */
export const countModelTokens = (text: string): number => Math.ceil(estimateTokens(text) * 1.2);
