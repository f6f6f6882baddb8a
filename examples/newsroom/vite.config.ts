import { defineConfig } from "vite";

// No plugins: Vite compiles TSX with React's automatic JSX runtime by itself.
export default defineConfig({
  oxc: { jsx: { runtime: "automatic" } },
  server: { port: 5173, strictPort: true },
  build: { outDir: "dist", sourcemap: true },
});
