export function PerformancePage() {
  return <h1>Performance</h1>;
}
