export default {
  input: 'src/cli.ts',
  output: [{ dir: 'dist', format: 'esm', sourcemap: process.env.BUILD !== 'production' || 'inline' }],
};
