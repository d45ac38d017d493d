export const version = '1.0.0';
export function mount(el: HTMLElement) { el.textContent = 'widgets'; }
