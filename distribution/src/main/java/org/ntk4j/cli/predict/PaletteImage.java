package org.ntk4j.cli.predict;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts charts to 256-colour indexed images for GIF. A chart has few distinct colours (flat
 * fills plus anti-aliased edges), so the palette is the 256 most frequent colours and every other
 * colour maps to its nearest palette entry. Doing this here rather than leaving it to the JDK's GIF
 * writer spares its octree palette per frame and keeps the colours identical across frames.
 */
final class PaletteImage {
    private static final int SIZE = 256;

    private PaletteImage() {
    }

    /**
     * All frames with one shared palette: the JDK's GIF writer puts the first frame's colour table in
     * the file's global table, so frames with palettes of their own would be shown in wrong colours.
     */
    static List<BufferedImage> of(List<BufferedImage> frames) {
        Map<Integer, int[]> counts = new HashMap<>();
        List<int[]> pixels = new ArrayList<>();
        for (BufferedImage f : frames) {
            int[] p = f.getRGB(0, 0, f.getWidth(), f.getHeight(), null, 0, f.getWidth());
            pixels.add(p);
            for (int c : p) {
                counts.computeIfAbsent(c & 0xffffff, k -> new int[1])[0]++;
            }
        }
        int[] palette = counts.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue()[0], a.getValue()[0]))
                .limit(SIZE).mapToInt(Map.Entry::getKey).toArray();
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < palette.length; i++) {
            index.put(palette[i], i);
        }
        byte[] r = new byte[palette.length];
        byte[] g = new byte[palette.length];
        byte[] b = new byte[palette.length];
        for (int i = 0; i < palette.length; i++) {
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
        }
        IndexColorModel model = new IndexColorModel(8, palette.length, r, g, b);
        List<BufferedImage> out = new ArrayList<>();
        for (int f = 0; f < frames.size(); f++) {
            int w = frames.get(f).getWidth();
            int h = frames.get(f).getHeight();
            int[] p = pixels.get(f);
            BufferedImage indexed = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, model);
            WritableRaster raster = indexed.getRaster();
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int c = p[y * w + x] & 0xffffff;
                    Integer i = index.get(c);
                    if (i == null) {
                        i = nearest(c, palette);
                        index.put(c, i);
                    }
                    row[x] = i;
                }
                raster.setPixels(0, y, w, 1, row);
            }
            out.add(indexed);
        }
        return out;
    }

    private static int nearest(int c, int[] palette) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < palette.length; i++) {
            int dr = ((c >> 16) & 0xff) - ((palette[i] >> 16) & 0xff);
            int dg = ((c >> 8) & 0xff) - ((palette[i] >> 8) & 0xff);
            int db = (c & 0xff) - (palette[i] & 0xff);
            long d = (long) dr * dr + (long) dg * dg + (long) db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }
}
