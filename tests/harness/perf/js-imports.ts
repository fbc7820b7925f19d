import { init, parse } from 'es-module-lexer';

/**
 * The static imports of an ES module: they download with it, before the reader does
 * anything. Dynamic import() is on demand and left out. Pure apart from the lexer's
 * one-off WebAssembly set-up.
 */
export async function staticImports(code: string): Promise<string[]> {
  await init;
  const [imports] = parse(code);
  return imports.filter((i) => i.d === -1 && i.n !== undefined).map((i) => i.n!);
}
