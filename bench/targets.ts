/**
 * The targets of issue 12, each as a ratio against its limit (ours / peer, or ours / an absolute
 * budget), printed with met / not met. Sections add the targets they measure.
 */
export interface Target {
  /** What is compared and the limit, e.g. "Car Owner types <= 1x openapi-typescript CLI". */
  name: string;
  /** ours / peer (or ours / budget). */
  ratio: number;
  /** The largest ratio that meets the target. */
  limit: number;
  /** The figures behind the ratio. */
  detail: string;
}

export function printTargets(targets: readonly Target[]): void {
  console.log('\n## Targets (issue 12): ratio against the limit');
  console.log(
    `${'target'.padEnd(72)}${'ratio'.padStart(8)}  ${'limit'.padStart(6)}  mark     figures`,
  );
  for (const t of targets) {
    const met = Number.isFinite(t.ratio) && t.ratio <= t.limit;
    console.log(
      `${t.name.padEnd(72)}${(Number.isFinite(t.ratio) ? `${t.ratio.toFixed(2)}x` : 'n/a').padStart(8)}  ${`${t.limit}x`.padStart(6)}  ${(met ? 'met' : 'NOT MET').padEnd(8)} ${t.detail}`,
    );
  }
  const met = targets.filter((t) => Number.isFinite(t.ratio) && t.ratio <= t.limit).length;
  console.log(`${met} of ${targets.length} targets met`);
}
