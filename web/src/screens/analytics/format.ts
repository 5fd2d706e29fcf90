/** A statistic to two decimals, or a dash when it is undefined for the data. */
export function fixed(value: number | null | undefined, digits = 2): string {
  return value == null ? '–' : value.toFixed(digits);
}

export function percent(value: number | null | undefined): string {
  return value == null ? '–' : `${Math.round(value * 100)} %`;
}
