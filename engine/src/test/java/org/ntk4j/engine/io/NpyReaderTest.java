package org.ntk4j.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ntk4j.engine.io.NpyBytes.dict;
import static org.ntk4j.engine.io.NpyBytes.doubles;
import static org.ntk4j.engine.io.NpyBytes.floats;
import static org.ntk4j.engine.io.NpyBytes.npy;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntk4j.api.SpecException;

class NpyReaderTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    /**
     * The exact bytes of {@code np.save(f, np.array([[1.5, -2.0, 0.1], [3.25, 4.0, -1e300]]))}
     * under numpy 2.4.6, base64-encoded (computed once with python3 and pasted here).
     */
    static final String NUMPY_2X3 = "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLCB9ICAgICAg"
            + "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAD4PwAAAAAAAADAmpmZmZmZ"
            + "uT8AAAAAAAAKQAAAAAAAABBAnHUAiDzkN/4=";
    static final double[] NUMPY_2X3_VALUES = {1.5, -2.0, 0.1, 3.25, 4.0, -1e300};

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private SpecException refusal(byte[] bytes) throws IOException {
        Path p = file("bad.npy", bytes);
        return (SpecException) org.assertj.core.api.Assertions.catchThrowable(() -> NpyReader.read(p));
    }

    @Test
    void readsTheBytesNumpyWrites() throws IOException {
        Tensor t = NpyReader.read(file("x.npy", Base64.getDecoder().decode(NUMPY_2X3)));
        assertThat(t.shape()).containsExactly(2, 3);
        assertThat(t.data()).containsExactly(NUMPY_2X3_VALUES);
        assertThat(t.get(1, 2)).isEqualTo(-1e300);
    }

    @Test
    void readsBigEndianFloat64() throws IOException {
        Tensor t = NpyReader.read(file("x.npy", npy(1, dict(">f8", false, "(3,)"), doubles(BE, 1.0, -0.5, 1e-310))));
        assertThat(t.shape()).containsExactly(3);
        assertThat(t.data()).containsExactly(1.0, -0.5, 1e-310);
    }

    @Test
    void readsFloat32InBothByteOrdersExactly() throws IOException {
        float[] values = {0.1f, -3.0f, Float.MIN_VALUE, 16777217f};
        double[] widened = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            widened[i] = values[i];
        }
        Tensor little = NpyReader.read(file("le.npy", npy(1, dict("<f4", false, "(2, 2)"), floats(LE, values))));
        Tensor big = NpyReader.read(file("be.npy", npy(1, dict(">f4", false, "(2, 2)"), floats(BE, values))));
        assertThat(little.data()).containsExactly(widened);
        assertThat(big.data()).containsExactly(widened);
        assertThat(little.shape()).containsExactly(2, 2);
    }

    @Test
    void nativeAndUnmarkedByteOrdersMeanThisMachinesOrder() throws IOException {
        ByteOrder nativeOrder = ByteOrder.nativeOrder();
        for (String descr : new String[] {"=f8", "|f8", "f8"}) {
            Tensor t = NpyReader.read(file("n.npy", npy(1, dict(descr, false, "(2,)"), doubles(nativeOrder, 2.5, -7))));
            assertThat(t.data()).as(descr).containsExactly(2.5, -7);
        }
    }

    @Test
    void readsVersions2And3() throws IOException {
        Tensor v2 = NpyReader.read(file("v2.npy", npy(2, dict("<f8", false, "(1, 2)"), doubles(LE, 1, 2))));
        // Version 3 differs only in allowing UTF-8 in the header.
        Tensor v3 = NpyReader.read(file("v3.npy", npy(3, dict("<f8", false, "(2, 1)"), doubles(LE, 3, 4))));
        assertThat(v2.shape()).containsExactly(1, 2);
        assertThat(v2.data()).containsExactly(1, 2);
        assertThat(v3.shape()).containsExactly(2, 1);
        assertThat(v3.data()).containsExactly(3, 4);
    }

    @Test
    void readsScalarsEmptyArraysRank3AndPython2Headers() throws IOException {
        Tensor scalar = NpyReader.read(file("s.npy", npy(1, dict("<f8", false, "()"), doubles(LE, 42))));
        assertThat(scalar.rank()).isZero();
        assertThat(scalar.data()).containsExactly(42);

        Tensor empty = NpyReader.read(file("e.npy", npy(1, dict("<f8", false, "(0, 3)"), new byte[0])));
        assertThat(empty.shape()).containsExactly(0, 3);
        assertThat(empty.size()).isZero();

        double[] values = new double[24];
        Arrays.setAll(values, i -> i * 0.5);
        Tensor cube = NpyReader.read(file("c.npy", npy(1, dict("<f8", false, "(2, 3, 4)"), doubles(LE, values))));
        assertThat(cube.get(1, 2, 3)).isEqualTo(11.5);

        // Python 2 numpy wrote long integers with an L suffix and keys in any order.
        String py2 = "{'shape': (2L, 1L), 'fortran_order': False, 'descr': '<f8'}";
        Tensor old = NpyReader.read(file("p.npy", npy(1, py2, doubles(LE, 5, 6))));
        assertThat(old.shape()).containsExactly(2, 1);
    }

    @Test
    void streamsDataLargerThanItsBuffer() throws IOException {
        // 1.6 MB of float64 and 1.2 MB of float32: more than the reader's 1 MB chunk.
        double[] d = new double[200_003];
        Arrays.setAll(d, i -> Math.sin(i));
        Tensor t64 = NpyReader.read(file("d.npy", npy(1, dict(">f8", false, "(200003,)"), doubles(BE, d))));
        // Arrays.equals, not containsExactly: AssertJ's element-wise comparison takes seconds here.
        assertThat(Arrays.equals(t64.data(), d)).isTrue();

        float[] f = new float[300_001];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) Math.cos(i);
        }
        Tensor t32 = NpyReader.read(file("f.npy", npy(1, dict("<f4", false, "(300001, 1)"), floats(LE, f))));
        assertThat(t32.get(300_000, 0)).isEqualTo((double) f[300_000]);
        assertThat(t32.get(123_457, 0)).isEqualTo((double) f[123_457]);
    }

    @Test
    void refusesObjectArraysWithoutUnpickling() throws IOException {
        // What np.save writes for np.array([{}], dtype=object): a pickle after the header.
        byte[] pickle = {(byte) 0x80, 0x04, (byte) 0x95, 0x2e};
        SpecException e = refusal(npy(1, dict("|O", false, "(1,)"), pickle));
        assertThat(e.getMessage()).contains("bad.npy").contains("'|O'").contains("never unpickles");
        assertThat(e.place()).endsWith("bad.npy");
    }

    @Test
    void refusesIntegerComplexBooleanStringAndOtherFloatDtypes() throws IOException {
        String[][] cases = {
            {"<i8", "integer dtype '<i8'"},
            {"<u1", "integer dtype '<u1'"},
            {"<c16", "complex dtype '<c16'"},
            {"|b1", "boolean dtype '|b1'"},
            {"<U3", "string dtype '<U3'"},
            {"<M8[s]", "datetime dtype '<M8[s]'"},
            {"<f2", "float dtype '<f2' (float16)"},
            {"<f16", "float dtype '<f16' (long double)"},
        };
        for (String[] c : cases) {
            SpecException e = refusal(npy(1, dict(c[0], false, "(1,)"), new byte[16]));
            assertThat(e.getMessage()).as(c[0]).contains("bad.npy").contains(c[1]).contains("not supported")
                    .contains("float64");
        }
    }

    @Test
    void refusesStructuredDtypes() throws IOException {
        String structured = "{'descr': [('a', '<f8'), ('b', '<i4')], 'fortran_order': False, 'shape': (1,), }";
        SpecException e = refusal(npy(1, structured, new byte[12]));
        assertThat(e.getMessage()).contains("bad.npy").contains("structured dtype [('a', '<f8'), ('b', '<i4')]");
    }

    @Test
    void refusesFortranOrder() throws IOException {
        SpecException e = refusal(npy(1, dict("<f8", true, "(2, 2)"), doubles(LE, 1, 2, 3, 4)));
        assertThat(e.getMessage()).contains("bad.npy").contains("fortran_order: True").contains("C order");
    }

    @Test
    void refusesBadMagicNamingWhatWasFound() throws IOException {
        byte[] bytes = npy(1, dict("<f8", false, "(1,)"), doubles(LE, 1));
        bytes[0] = 'P';
        bytes[1] = 'K';
        SpecException e = refusal(bytes);
        assertThat(e.getMessage()).contains("bad.npy").contains("not a .npy file").contains("'PKUMPY'");

        SpecException csv = refusal("1,2,3\n".getBytes());
        assertThat(csv.getMessage()).contains("found '1,2,3\\x0a'");
    }

    @Test
    void refusesUnknownFormatVersions() throws IOException {
        byte[] bytes = npy(1, dict("<f8", false, "(1,)"), doubles(LE, 1));
        bytes[6] = 4;
        assertThat(refusal(bytes).getMessage()).contains("unsupported .npy format version 4.0");
    }

    @Test
    void refusesTruncatedHeadersSayingHowManyBytes() throws IOException {
        byte[] full = npy(1, dict("<f8", false, "(1,)"), doubles(LE, 1));
        assertThat(refusal(new byte[0]).getMessage()).contains("truncated header: expected at least 10 bytes, found 0");
        assertThat(refusal(Arrays.copyOf(full, 7)).getMessage())
                .contains("truncated header: expected at least 10 bytes, found 7");
        assertThat(refusal(Arrays.copyOf(full, 9)).getMessage())
                .contains("truncated header: expected at least 10 bytes, found 9");
        // The length field says 118 header bytes follow the 10-byte prefix; only 30 do.
        assertThat(refusal(Arrays.copyOf(full, 40)).getMessage())
                .contains("bad.npy").contains("truncated header: expected 118 header bytes after the 10-byte prefix, found 30");
    }

    @Test
    void refusesTruncatedDataSayingExpectedAndPresentBytes() throws IOException {
        byte[] full = npy(1, dict("<f8", false, "(3, 4)"), doubles(LE, new double[12]));
        SpecException e = refusal(Arrays.copyOf(full, full.length - 20));
        assertThat(e.getMessage()).contains("bad.npy")
                .contains("truncated data: shape (3, 4) of '<f8' needs 96 bytes after the 128-byte header, but only 76 are present");
    }

    @Test
    void refusesDataLongerThanTheShape() throws IOException {
        SpecException e = refusal(npy(1, dict("<f4", false, "(2,)"), floats(LE, 1, 2, 3)));
        assertThat(e.getMessage()).contains("shape/data length mismatch: shape (2,) of '<f4' needs 8 bytes")
                .contains("the file holds 12 (4 bytes too many)");
    }

    @Test
    void refusesMalformedHeaders() throws IOException {
        assertThat(refusal(npy(1, "{'descr': '<f8', 'shape': (1,), }", doubles(LE, 1))).getMessage())
                .contains("keys ['descr', 'shape']; expected exactly 'descr', 'fortran_order' and 'shape'");
        assertThat(refusal(npy(1, dict("<f8", false, "[2]"), doubles(LE, 1, 2))).getMessage())
                .contains("shape is [2], expected a tuple of integers");
        assertThat(refusal(npy(1, dict("<f8", false, "(-2,)"), doubles(LE, 1, 2))).getMessage())
                .contains("has entry -2, expected a non-negative integer");
        assertThat(refusal(npy(1, "{'descr': '<f8', 'fortran_order': 0, 'shape': (1,), }", doubles(LE, 1))).getMessage())
                .contains("fortran_order is 0, expected True or False");
        assertThat(refusal(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,)", doubles(LE, 1))).getMessage())
                .contains("cannot parse the .npy header").contains("expected ',' or '}'");
        assertThat(refusal(npy(1, "__import__('os').system('true')", doubles(LE, 1))).getMessage())
                .contains("cannot parse the .npy header");
    }

    @Test
    void refusesShapesTooLargeForOneArrayBeforeAllocating() throws IOException {
        SpecException e = refusal(npy(1, dict("<f8", false, "(100000, 100000)"), new byte[0]));
        assertThat(e.getMessage()).contains("holds 10000000000 values").contains("split the input");
    }

    @Test
    void missingFileIsASpecError() {
        assertThatThrownBy(() -> NpyReader.read(dir.resolve("nope.npy")))
                .isInstanceOf(SpecException.class).hasMessageEndingWith("nope.npy: file not found");
    }
}
