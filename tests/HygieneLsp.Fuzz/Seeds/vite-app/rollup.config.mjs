import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';

const production = !process.env.ROLLUP_WATCH;
const formats = ['es', 'cjs'];

export default formats.map((format, i) => ({
  input: 'src/index.ts',
  output: {
    file: `dist/bundle.${format}.js`,
    format,
    sourcemap: production ? 'hidden' : true,
    sourcemapExcludeSources: i > 0,
  },
  plugins: [typescript({ sourceMap: true }), production && terser()],
}));
