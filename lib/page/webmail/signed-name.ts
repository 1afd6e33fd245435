/** Keeps a draft from signing twice: the reply box's signature already gives the user's name. Pure text. */

/** A name line: a few words, no sentence punctuation ("Jonas", "Jonas Weber", "J. Weber"). */
const NAME_LINE = /^[\p{L}][\p{L}\p{M}.'’ -]{0,38}$/u;
/** "Best, Jonas" / "Viele Grüße, Jonas": a sign-off and the name on one line. */
const SIGN_OFF_AND_NAME = /^(.{1,40}?[,，])\s*([\p{L}][\p{L}\p{M}.'’ -]{0,38})$/u;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}'’-]+/gu) ?? [];
}

/** Whether every word of `name` appears, in order, in the signature's first lines. */
function signatureHasName(signature: string, name: string): boolean {
  const head = words(signature.split('\n').slice(0, 3).join(' '));
  const wanted = words(name);
  if (wanted.length === 0 || wanted.length > 4) return false;
  let at = 0;
  for (const word of head) {
    if (word === wanted[at]) at += 1;
    if (at === wanted.length) return true;
  }
  return false;
}

/**
 * The draft without its closing name when the signature below it already has that name: "Best,\nJonas" above a
 * signature "Jonas Weber · Head of Operations" becomes "Best,". Unchanged when the signature does not name the writer.
 */
export function withoutSignedName(draft: string, signature: string): string {
  if (!signature.trim()) return draft;
  const lines = draft.replace(/\s+$/, '').split('\n');
  const last = lines.at(-1)?.trim() ?? '';
  if (lines.length > 1 && NAME_LINE.test(last) && signatureHasName(signature, last)) {
    return lines.slice(0, -1).join('\n').replace(/\s+$/, '');
  }
  const combined = SIGN_OFF_AND_NAME.exec(last);
  if (combined && signatureHasName(signature, combined[2]!)) {
    return [...lines.slice(0, -1), combined[1]!].join('\n');
  }
  return draft;
}
