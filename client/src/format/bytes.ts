// Human-readable sizes for the "What ships" view, in the same 1024-based units the packagers print.
const UNITS = ['KB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes;
  let unit = -1;
  do {
    value /= 1024;
    unit++;
  } while (value >= 1024 && unit < UNITS.length - 1);
  // One decimal while it carries information (1.5 KB), none once the number is large (120 KB); never "1024 KB".
  let text = value < 10 ? value.toFixed(1) : Math.round(value).toString();
  if (text === '1024' && unit < UNITS.length - 1) {
    text = '1.0';
    unit++;
  }
  return `${text.replace(/\.0$/, '')} ${UNITS[unit]}`;
}
