/**
 * Puts dates as a mail client shows them, in any language, in order without parsing their words: "Thu 3/13/2025
 * 4:02 PM", "Do 13.03.2025 16:02", "2025/03/13 16:02", "mer. 12/03/2025 10h14" or a bare "16:02" (today). Pure.
 */

type DateParts =
  /** The two numbers beside the year, in the order shown; whether day or month comes first, the list decides. */
  | { kind: 'date'; year: number; first: number; second: number; minutes: number; yearFirst: boolean }
  /** A time alone: the client shows today's messages that way. */
  | { kind: 'today'; minutes: number };

const AFTERNOON = /\b(?:pm|p\.m\.)|午後|下午|오후/i;
const MORNING = /\b(?:am|a\.m\.)|午前|上午|오전/i;

/** Minutes since midnight from "16:02", "4:02 PM", "16h02" or, after the year, "16.02". */
function minutesOf(text: string, afterYear: string): number | undefined {
  const time = /(\d{1,2})[:h](\d{2})(?!\d)/.exec(text) ?? /(\d{1,2})\.(\d{2})(?!\d)/.exec(afterYear);
  if (!time) return undefined;
  let hours = Number(time[1]) % 24;
  if (AFTERNOON.test(text) && hours < 12) hours += 12;
  if (MORNING.test(text) && hours === 12) hours = 0;
  return hours * 60 + Number(time[2]);
}

function partsOf(text: string): DateParts | undefined {
  const year = /(?<!\d)(\d{4})(?!\d)/.exec(text);
  if (!year) {
    const minutes = minutesOf(text, text);
    return minutes === undefined ? undefined : { kind: 'today', minutes };
  }
  const beforeYear = text.slice(0, year.index);
  const afterYear = text.slice(year.index + 4);
  const before = beforeYear.match(/\d{1,2}(?!\d)/g)?.map(Number) ?? [];
  const after = afterYear.match(/\d{1,2}(?!\d)/g)?.map(Number) ?? [];
  const yearFirst = before.length < 2;
  const [first = 0, second = 0] = yearFirst ? after : before.slice(-2);
  return { kind: 'date', year: Number(year[1]), first, second, minutes: minutesOf(text, afterYear) ?? 0, yearFirst };
}

/**
 * A sortable number for each date (later is larger), or undefined when one of them cannot be read. Whether the list
 * writes the day or the month first is decided by the list as a whole: a number above 12 can only be a day.
 */
export function dateOrderKeys(texts: readonly string[]): number[] | undefined {
  const parts = texts.map(partsOf);
  if (parts.some((part) => part === undefined)) return undefined;
  const dated = parts.filter((part): part is Extract<DateParts, { kind: 'date' }> => part?.kind === 'date');
  const dayFirst = dated.some((part) => !part.yearFirst && part.first > 12);
  const latest = Math.max(0, ...dated.map((part) => part.year));
  return (parts as DateParts[]).map((part) => {
    if (part.kind === 'today') return (latest + 1) * 1e8 + part.minutes;
    const { year, first, second, minutes, yearFirst } = part;
    const [month, day] = yearFirst || !dayFirst ? [first, second] : [second, first];
    return year * 1e8 + month * 1e6 + day * 1e4 + minutes;
  });
}
