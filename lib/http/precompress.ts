// Writes a brotli (`.br`) and a gzip (`.gz`) copy beside each built file, at the
// highest levels (done once per build), for the static server's `precompressed`.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Compresses each file into `<file>.br` and `<file>.gz`. */
export async function precompressFiles(paths: string[]): Promise<void> {
  await Promise.all(paths.map(async (path) => {
    const bytes = await Deno.readFile(path);
    const brotli = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
      },
    });
    await Deno.writeFile(`${path}.br`, brotli);
    await Deno.writeFile(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  }));
}
