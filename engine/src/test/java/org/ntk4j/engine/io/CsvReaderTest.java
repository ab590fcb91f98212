package org.ntk4j.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ntk4j.api.SpecException;

class CsvReaderTest {
    @TempDir
    Path dir;

    private Tensor read(String content) throws IOException {
        return CsvReader.read(Files.writeString(dir.resolve("x.csv"), content));
    }

    private String refusal(String content) throws IOException {
        Path p = Files.writeString(dir.resolve("bad.csv"), content);
        SpecException e = catchThrowableOfType(() -> CsvReader.read(p), SpecException.class);
        assertThat(e).as("refusal of %s", content).isNotNull();
        assertThat(e.getMessage()).contains("bad.csv: ");
        return e.getMessage();
    }

    @Test
    void readsRowsAndColumns() throws IOException {
        Tensor t = read("1,2.5,-3\n4e-3, 5 ,6E2\n");
        assertThat(t.shape()).containsExactly(2, 3);
        assertThat(t.data()).containsExactly(1, 2.5, -3, 0.004, 5, 600);
    }

    @Test
    void skipsATextHeaderAndTrailingBlankLines() throws IOException {
        Tensor t = read("x1,x2\n1,2\n3,4\n\n  \n");
        assertThat(t.shape()).containsExactly(2, 2);
        assertThat(t.data()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void acceptsWindowsLineEndingsAByteOrderMarkAndNoFinalNewline() throws IOException {
        Tensor t = read("\uFEFFa,b\r\n1,2\r\n3,4");
        assertThat(t.data()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void readsNanAndInfinityAsNumpySavetxtWritesThem() throws IOException {
        Tensor t = read("nan,inf\n-inf,NaN\n");
        assertThat(t.data()).containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN);
    }

    @Test
    void refusesRaggedRowsNamingBothLines() throws IOException {
        assertThat(refusal("h1,h2\n1,2\n3,4\n5\n")).contains("line 4 has 1 columns, expected 2 as on line 2");
    }

    @Test
    void refusesNonNumericCellsNamingLineAndColumn() throws IOException {
        assertThat(refusal("1,2\n3,abc\n")).contains("line 2, column 2: expected a number, found 'abc'");
        assertThat(refusal("1,2\n3,\n")).contains("line 2, column 2: expected a number, found an empty cell");
        assertThat(refusal("1,2\n0x1p3,4\n")).contains("line 2, column 1: expected a number, found '0x1p3'");
        assertThat(refusal("1,2\n3,4d\n")).contains("line 2, column 2: expected a number, found '4d'");
    }

    @Test
    void refusesAFirstLineMixingNumbersAndText() throws IOException {
        assertThat(refusal("1.0,l.5\n2,3\n")).contains("line 1, column 2: 'l.5' is not a number")
                .contains("a header line must contain no numbers");
    }

    @Test
    void hintsAtTheSeparatorWhenItIsNotAComma() throws IOException {
        // The first line has no number, so it passes for a header; the second is refused.
        assertThat(refusal("1;2\n3;4\n")).contains("line 2, column 1: expected a number, found '3;4'")
                .contains("comma-separated values only");
    }

    @Test
    void refusesBlankLinesInsideTheData() throws IOException {
        assertThat(refusal("1,2\n\n3,4\n")).contains("line 2 is blank but data follows on line 3");
    }

    @Test
    void refusesFilesWithoutData() throws IOException {
        assertThat(refusal("")).contains("no data rows");
        assertThat(refusal("a,b\n\n")).contains("no data rows");
    }

    @Test
    void refusesFilesThatAreNotUtf8Text() throws IOException {
        Path p = Files.write(dir.resolve("bad.csv"), new byte[] {(byte) 0x93, 'N', 'U', (byte) 0xff, '\n'});
        SpecException e = catchThrowableOfType(() -> CsvReader.read(p), SpecException.class);
        assertThat(e.getMessage()).contains("bad.csv").contains("not a UTF-8 text file");
    }
}
