export function SourcePage({ documentId }: { documentId: number }) {
  return <h1>{documentId}</h1>;
}
