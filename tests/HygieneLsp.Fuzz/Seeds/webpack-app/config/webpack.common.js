const path = require('path');
module.exports = {
  entry: { main: './src/index.tsx', admin: './src/admin.tsx' },
  resolve: { extensions: ['.tsx', '.ts', '.js'] },
  module: {
    rules: [
      { test: /\.tsx?$/, use: 'ts-loader', exclude: /node_modules/ },
      { test: /\.css$/i, use: ['style-loader', 'css-loader'] },
    ],
  },
  output: { path: path.join(__dirname, '..', 'dist') },
};
