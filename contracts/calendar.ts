/**
 * Jisr's calendar: a day is a day in Morocco, whatever zone the server's or the browser's clock is
 * set to. Between midnight in Morocco and midnight UTC the two disagree (an hour most of the year),
 * so "today" computed in UTC would refuse a register filled at 00:30 as "in the future" in one
 * place and accept it in another. The server, the web app and the database sessions all use this.
 */
export const TIME_ZONE = "Africa/Casablanca";

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE });

/** The day now, kept for the second it was computed in: an import checks a million dates against it. */
let now = { second: Number.NaN, day: "" };

/** The day in Morocco at `at` (now by default), as YYYY-MM-DD. */
export function today(at?: Date): string {
  if (at) return dayFormat.format(at);
  const second = Math.floor(Date.now() / 1000);
  if (second !== now.second) now = { second, day: dayFormat.format(second * 1000) };
  return now.day;
}

/** The YYYY-MM-DD day `days` days after `day` (before when negative). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The day `days` days from today in Morocco (ago when negative). */
export const daysFromToday = (days: number): string => addDays(today(), days);
