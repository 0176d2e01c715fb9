/** Injected everywhere a moment matters, so deadlines and clocks are testable. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(start: Date): Clock & { set(moment: Date): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set(moment) {
      current = new Date(moment);
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
  };
}
