export const core = () => 'core';
