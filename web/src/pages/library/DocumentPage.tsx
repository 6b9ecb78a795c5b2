export function DocumentPage({ id }: { id: number }) {
  return <h1>{id}</h1>;
}
