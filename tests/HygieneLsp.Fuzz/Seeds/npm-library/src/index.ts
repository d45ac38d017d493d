export function parseList(text: string): string[] {
  return text.split(',').map(part => part.trim()).filter(Boolean);
}
