import { defineConfig, loadEnv, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig(({ command, mode }): UserConfig => {
  const env = loadEnv(mode, process.cwd(), '');
  const isBuild = command === 'build';
  const targets = ['es2020', 'chrome100'];
  let banner = '';
  while (banner.length < 8) banner += '-';
  return {
    plugins: [react()],
    define: { __APP_VERSION__: JSON.stringify(env.npm_package_version ?? '0.0.0') },
    build: {
      outDir: 'dist',
      target: targets,
      sourcemap: isBuild && mode !== 'production' ? true : 'hidden',
      lib: { entry: 'src/index.ts', name: 'AcmeWidgets', fileName: (format) => `widgets.${format === 'es' ? 'js' : 'cjs'}` },
      rollupOptions: { external: ['react'], output: { banner: `/* ${banner} */`, sourcemapExcludeSources: false } },
    },
  } satisfies UserConfig;
});
