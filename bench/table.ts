/** Prints one bench section as an aligned table: measure, value, unit, ratio to its baseline. */
export interface Row {
  name: string;
  value: number;
  unit: string;
  ratio: number;
}

export function printSection(title: string, rows: readonly Row[]): void {
  console.log(`\n## ${title}`);
  console.log(`${'measure'.padEnd(58)}${'value'.padStart(12)}  ${'unit'.padEnd(6)}ratio`);
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(58)}${String(r.value).padStart(12)}  ${r.unit.padEnd(6)}${r.ratio.toFixed(2)}x`,
    );
  }
}
