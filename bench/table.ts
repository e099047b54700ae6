/** Prints one bench section as an aligned table: measure, value, unit, and its ratio or note. */
export interface Row {
  name: string;
  value: number;
  unit: string;
  /** Ratio to the section's baseline row, when the section has one. */
  ratio?: number;
  note?: string;
}

export function printSection(title: string, rows: readonly Row[]): void {
  console.log(`\n## ${title}`);
  console.log(`${'measure'.padEnd(60)}${'value'.padStart(12)}  ${'unit'.padEnd(7)}ratio / note`);
  for (const r of rows) {
    const tail =
      r.ratio !== undefined
        ? `${r.ratio.toFixed(2)}x${r.note ? `  ${r.note}` : ''}`
        : (r.note ?? '');
    console.log(`${r.name.padEnd(60)}${String(r.value).padStart(12)}  ${r.unit.padEnd(7)}${tail}`);
  }
}
