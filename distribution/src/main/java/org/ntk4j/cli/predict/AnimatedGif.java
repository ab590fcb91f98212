package org.ntk4j.cli.predict;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Writes frames as a looping animated GIF with the JDK's own GIF writer. */
public final class AnimatedGif {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private AnimatedGif() {
    }

    /**
     * @param delays per-frame display time in hundredths of a second
     */
    public static void write(List<BufferedImage> frames, int[] delays, OutputStream out) throws IOException {
        if (frames.isEmpty() || delays.length != frames.size()) {
            throw new IllegalArgumentException(frames.size() + " frames but " + delays.length + " delays");
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage frame = frames.get(i);
                IIOMetadata meta = frameMetadata(writer, param, frame, delays[i], i == 0);
                writer.writeToSequence(new IIOImage(frame, null, meta), param);
            }
            writer.endWriteSequence();
            ios.flush();
        } finally {
            writer.dispose();
        }
    }

    /** Graphic control (delay) for every frame; the NETSCAPE2.0 loop-forever block on the first. */
    private static IIOMetadata frameMetadata(ImageWriter writer, ImageWriteParam param, BufferedImage frame,
                                             int delay, boolean first) throws IOException {
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delay));
        control.setAttribute("transparentColorIndex", "0");
        if (frame.getColorModel() instanceof IndexColorModel palette) {
            root.appendChild(localColorTable(palette));
        }
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[]{1, 0, 0}); // sub-block 1: loop count 0 = forever
            apps.appendChild(app);
        }
        meta.setFromTree(FORMAT, root);
        return meta;
    }

    /**
     * The frame's own palette. Without it the writer falls back to a default global table (it does
     * not derive one from the frames when writing a sequence) and the colours come out wrong.
     */
    private static IIOMetadataNode localColorTable(IndexColorModel palette) {
        IIOMetadataNode table = new IIOMetadataNode("LocalColorTable");
        int size = 2;
        while (size < palette.getMapSize()) {
            size *= 2;
        }
        table.setAttribute("sizeOfLocalColorTable", Integer.toString(size));
        table.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < size; i++) {
            IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
            int rgb = i < palette.getMapSize() ? palette.getRGB(i) : 0;
            entry.setAttribute("index", Integer.toString(i));
            entry.setAttribute("red", Integer.toString((rgb >> 16) & 0xff));
            entry.setAttribute("green", Integer.toString((rgb >> 8) & 0xff));
            entry.setAttribute("blue", Integer.toString(rgb & 0xff));
            table.appendChild(entry);
        }
        return table;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
