export async function inspectCommand(_argv: string[]): Promise<number> {
  return 2;
}
