// Prints the longest functions and files in src/ and web/src (tests excluded), so a change
// to the structure can be reported before and after. Usage: node --import tsx scripts/size-report.ts [N]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const roots = ['src', 'web/src'];
const limit = Number(process.argv[2] ?? 10);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    const isSource =
      /\.tsx?$/.test(name) && !/\.(test|e2e)\.tsx?$/.test(name) && !name.endsWith('.d.ts');
    return isSource ? [path] : [];
  });
}

interface Measured {
  readonly name: string;
  readonly lines: number;
}

function functionName(node: ts.Node, file: ts.SourceFile): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) {
    return node.name.getText(file);
  }
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))
    return parent.name.getText(file);
  return '(anonymous)';
}

function functionsIn(path: string): Measured[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Measured[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
      const end = file.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({
        name: `${relative('.', path)} ${functionName(node, file)}`,
        lines: end - start + 1,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const files = roots.flatMap(sourceFiles);
const fileSizes = files
  .map((path) => ({
    name: relative('.', path),
    lines: readFileSync(path, 'utf8').split('\n').length,
  }))
  .sort((a, b) => b.lines - a.lines);
const functions = files.flatMap(functionsIn).sort((a, b) => b.lines - a.lines);
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

console.log(`${files.length} source files, median ${median(fileSizes.map((f) => f.lines))} lines`);
console.log(`\nLongest files:`);
for (const f of fileSizes.slice(0, limit))
  console.log(`  ${String(f.lines).padStart(5)}  ${f.name}`);
console.log(
  `\nLongest functions (${functions.length} in all, median ${median(functions.map((f) => f.lines))} lines):`,
);
for (const f of functions.slice(0, limit))
  console.log(`  ${String(f.lines).padStart(5)}  ${f.name}`);
