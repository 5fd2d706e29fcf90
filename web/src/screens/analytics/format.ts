/** A statistic to two decimals, or a dash when it is undefined for the data. */
export function fixed(value: number | null | undefined, digits = 2): string {
  return value == null ? '–' : value.toFixed(digits);
}

export function percent(value: number | null | undefined): string {
  return value == null ? '–' : `${Math.round(value * 100)} %`;
}

/** A round number at or above x for the top of a scale: 1, 2 or 5 times a power of ten. */
export function niceTop(x: number): number {
  if (!(x > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10].map((m) => m * power).find((v) => v >= x)!;
}
