const path = require('path');
const { merge } = require('webpack-merge');
const webpack = require('webpack');
const common = require('./config/webpack.common.js');

const isProd = process.env.NODE_ENV === 'production';
const plugins = [];
for (const name of ['main', 'admin']) {
  plugins.push(new webpack.DefinePlugin({ [`__${name.toUpperCase()}__`]: JSON.stringify(name) }));
}
if (process.env.ANALYZE) plugins.push(new (require('webpack-bundle-analyzer').BundleAnalyzerPlugin)());

module.exports = (env = {}, argv = {}) => merge(common, {
  mode: argv.mode || 'production',
  devtool: isProd ? 'source-map' : 'eval-cheap-module-source-map',
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: '[name].[contenthash:8].js',
    publicPath: '/',
  },
  plugins: [...plugins, new webpack.SourceMapDevToolPlugin({ filename: '[file].map', exclude: /vendor/ })],
  optimization: { splitChunks: { chunks: 'all' } },
});
