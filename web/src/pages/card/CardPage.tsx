export function CardPage({ system, code }: { system: string; code: string }) {
  return <h1>{`${system} ${code}`}</h1>;
}
