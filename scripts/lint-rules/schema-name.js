// Name of the component a `$ref` points at, in the split source (`../schemas/Problem.yaml`)
// and in a bundle (`#/components/schemas/Problem`) alike.
export function refName(ref) {
  if (typeof ref !== 'string') return undefined;
  const last = ref.split(/[/#]/).pop() ?? '';
  return last.replace(/\.ya?ml$/, '');
}
