export function parseList(text) {
    return text.split(',').map(part => part.trim()).filter(Boolean);
}
//# sourceMappingURL=index.js.map
